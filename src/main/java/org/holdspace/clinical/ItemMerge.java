package org.holdspace.clinical;

import io.vertx.core.Future;
import org.holdspace.core.Refusal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * How a member's list of items as sent (goals, inventory relationships) replaces their current one: an item with the
 * id of a current item edits it, one matching a current item left over keeps that item, any other is new, and
 * current items left out are removed. Also the check that an id sent is one of the member's current ones. Pure.
 */
final class ItemMerge {
  private ItemMerge() {
  }

  /** An item as sent, at its position: kept as the current item {@code id}, or new when {@code id} is null. */
  record Slot<T>(int position, T item, Long id) {
  }

  /** The items in order and the ids of the current items left out. */
  record Plan<T>(List<Slot<T>> slots, List<Long> removed) {
    /** Removes, edits, then adds, each as one statement (skipped when there is nothing to do). */
    Future<Void> apply(Function<Long[], Future<?>> remove, Function<List<Slot<T>>, Future<?>> edit,
                       Function<List<Slot<T>>, Future<?>> add) {
      List<Slot<T>> kept = slots.stream().filter(s -> s.id() != null).toList();
      List<Slot<T>> added = slots.stream().filter(s -> s.id() == null).toList();
      Future<?> chain = Future.succeededFuture();
      if (!removed.isEmpty()) {
        chain = chain.compose(v -> remove.apply(removed.toArray(new Long[0])));
      }
      if (!kept.isEmpty()) {
        chain = chain.compose(v -> edit.apply(kept));
      }
      if (!added.isEmpty()) {
        chain = chain.compose(v -> add.apply(added));
      }
      return chain.mapEmpty();
    }
  }

  /**
   * Plans the list: {@code current} maps each current item's id to what {@code same} compares an item without id
   * against (the first current item left over that is the same is kept).
   */
  static <T, V> Plan<T> plan(List<T> sent, Function<T, Long> idOf, Map<Long, V> current, BiPredicate<T, V> same) {
    Map<Long, V> left = new LinkedHashMap<>(current);
    sent.forEach(item -> left.remove(idOf.apply(item)));
    List<Slot<T>> slots = new ArrayList<>(sent.size());
    for (int position = 0; position < sent.size(); position++) {
      T item = sent.get(position);
      Long id = idOf.apply(item) != null ? idOf.apply(item) : left.entrySet().stream()
          .filter(e -> same.test(item, e.getValue())).map(Map.Entry::getKey).findFirst().orElse(null);
      if (id != null) {
        left.remove(id);
      }
      slots.add(new Slot<>(position, item, id));
    }
    return new Plan<>(List.copyOf(slots), List.copyOf(left.keySet()));
  }

  /** Plans the list where an item without an id is always new. */
  static <T> Plan<T> plan(List<T> sent, Function<T, Long> idOf, Collection<Long> current) {
    Map<Long, Boolean> ids = new LinkedHashMap<>();
    current.forEach(id -> ids.put(id, true));
    return plan(sent, idOf, ids, (item, id) -> false);
  }

  /**
   * Refuses the first item whose id is not one of the member's current ones with
   * {@code field[i].idField: not one of this member's current what}; items without an id pass.
   */
  static <T> void requireCurrent(List<T> items, Function<T, Long> idOf, Collection<Long> current, String field,
                                 String idField, String what) {
    for (int i = 0; i < items.size(); i++) {
      Long id = idOf.apply(items.get(i));
      if (id != null && !current.contains(id)) {
        throw Refusal.invalid(field + "[" + i + "]." + idField + ": not one of this member's current " + what);
      }
    }
  }
}
