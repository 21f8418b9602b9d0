package org.holdspace.notes;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.holdspace.clinical.ClinicalAccess;
import org.holdspace.clinical.SessionFacts;
import org.holdspace.core.Refusal;

import java.util.Optional;

/**
 * Progress notes: a draft prefilled from the session's facts, the note's text until it is signed, and addenda after.
 * The group's facilitators read and write them, its supervisors only read them (members get 403); every read and
 * write is audited with ids only, never the text.
 */
public final class NoteService {
  private final Pool pool;
  private final ClinicalAccess access;
  private final NoteStore notes;
  private final SessionFacts facts;

  public NoteService(Pool pool, ClinicalAccess access, NoteStore notes, SessionFacts facts) {
    this.pool = pool;
    this.access = access;
    this.notes = notes;
    this.facts = facts;
  }

  /** {@code {text, facts}}: what the records say about the member at the session, and a text made from it. */
  public Future<JsonObject> draft(ClinicalAccess.Target t, int session) {
    return reader(t, session).compose(s -> Future.all(facts.of(s.groupId(), s.memberId(), session),
            notes.goRound(pool, s.groupId(), session, s.memberId()))
        .compose(all -> {
          JsonObject f = all.<JsonObject>resultAt(0).put("goRound", all.<JsonObject>resultAt(1));
          return access.audit(pool, s, "note.draft_read", new JsonObject().put("session", session))
              .map(v -> new JsonObject().put("text", NoteDraft.text(f)).put("facts", f));
        }));
  }

  public Future<JsonObject> get(ClinicalAccess.Target t, int session) {
    return reader(t, session).compose(s -> notes.find(pool, s.groupId(), session, s.memberId())
        .map(found -> found.orElseThrow(() -> Refusal.notFound("no note for this member and session")))
        .compose(n -> notes.withAddenda(pool, n))
        .compose(n -> access.audit(pool, s, "note.read", ids(session, n)).map(v -> n.toJson())));
  }

  /** Writes the note's text; 409 once it is signed. */
  public Future<JsonObject> write(ClinicalAccess.Target t, int session, String text) {
    return author(t, session).compose(s -> pool.withTransaction(tx ->
        notes.write(tx, s.groupId(), session, s.memberId(), text, s.actor().id())
            .map(written -> written.orElseThrow(() ->
                Refusal.conflict("the note is signed; later words go into an addendum")))
            .compose(n -> access.audit(tx, s, "note.write", ids(session, n)).map(v -> n.toJson()
                .put("addenda", new JsonArray())))));
  }

  /** Signs the note; 404 when there is none, 409 when it is signed already. */
  public Future<JsonObject> sign(ClinicalAccess.Target t, int session) {
    return author(t, session).compose(s -> pool.withTransaction(tx ->
        notes.lock(tx, s.groupId(), session, s.memberId())
            .map(NoteService::existing)
            .compose(n -> {
              if (n.signed()) {
                return Future.failedFuture(Refusal.conflict("the note is signed already"));
              }
              return notes.sign(tx, n.id(), s.actor().id());
            })
            .compose(n -> notes.withAddenda(tx, n))
            .compose(n -> access.audit(tx, s, "note.sign", ids(session, n)).map(v -> n.toJson()))));
  }

  /** Adds an addendum to a signed note; 409 for a note not yet signed (its text may still be edited). */
  public Future<JsonObject> addendum(ClinicalAccess.Target t, int session, String text) {
    return author(t, session).compose(s -> pool.withTransaction(tx ->
        notes.lock(tx, s.groupId(), session, s.memberId())
            .map(NoteService::existing)
            .compose(n -> {
              if (!n.signed()) {
                return Future.failedFuture(Refusal.conflict("only a signed note takes addenda; edit the note"));
              }
              return notes.addendum(tx, n.id(), text, s.actor().id()).compose(v -> notes.withAddenda(tx, n));
            })
            .compose(n -> access.audit(tx, s, "note.addendum", ids(session, n)
                .put("addenda", n.addenda().size())).map(v -> n.toJson()))));
  }

  /**
   * The one place that decides who may write progress notes: the group's facilitators, about one of its members, at
   * a session of the group's course.
   */
  private Future<ClinicalAccess.Subject> author(ClinicalAccess.Target t, int session) {
    return atSession(access.facilitatorAbout(t), session);
  }

  /** Who may read them: the group's facilitators and supervisors, likewise. */
  private Future<ClinicalAccess.Subject> reader(ClinicalAccess.Target t, int session) {
    return atSession(access.readerAbout(t), session);
  }

  private Future<ClinicalAccess.Subject> atSession(Future<ClinicalAccess.Subject> allowed, int session) {
    return allowed.compose(s -> notes.sessionCount(pool, s.groupId()).map(count -> {
      if (count.isEmpty() || session > count.get()) {
        throw Refusal.notFound("no such session");
      }
      return s;
    }));
  }

  private static NoteStore.Note existing(Optional<NoteStore.Note> note) {
    return note.orElseThrow(() -> Refusal.notFound("no note for this member and session"));
  }

  private static JsonObject ids(int session, NoteStore.Note n) {
    return new JsonObject().put("session", session).put("noteId", n.id());
  }
}
