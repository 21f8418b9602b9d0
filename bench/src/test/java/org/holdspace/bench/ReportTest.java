package org.holdspace.bench;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReportTest {

  @Test
  @DisplayName("The report reads fsync from the postgres command line as PostgreSQL does: the last switch wins")
  void fsyncFromTheLastSwitch() {
    assertEquals(true, Report.fsyncOn("\"-D\" \"/data\" \"-p\" \"5432\" \"-F\" \"-c\" \"fsync=on\""));
    assertEquals(false, Report.fsyncOn("\"-D\" \"/data\" \"-c\" \"fsync=on\" \"-F\""));
    assertEquals(false, Report.fsyncOn("\"-D\" \"/data\" \"-F\""));
    assertEquals(false, Report.fsyncOn("\"-D\" \"/data\" \"-c\" \"fsync=off\""));
    assertNull(Report.fsyncOn("\"-D\" \"/data\" \"-p\" \"5432\""));
  }
}
