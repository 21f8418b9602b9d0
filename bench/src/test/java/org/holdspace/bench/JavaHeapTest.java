package org.holdspace.bench;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaHeapTest {

  @Test
  @DisplayName("The heap in use is the whole heap's figure of GC.heap_info, not Metaspace's")
  void parsesTheHeapLine() {
    String info = """
        12345:
         garbage-first heap   total 262144K, used 45678K [0x0000000700000000, 0x0000000800000000)
          region size 1024K, 3 young (3072K), 0 survivors (0K)
         Metaspace       used 40000K, committed 40512K, reserved 1114112K
        """;
    assertEquals(45678, JavaHeap.parseUsedKb(info).getAsLong());
    assertTrue(JavaHeap.parseUsedKb("12345:\nNo such command").isEmpty());
  }
}
