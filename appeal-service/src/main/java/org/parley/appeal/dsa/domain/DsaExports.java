package org.parley.appeal.dsa.domain;

import java.time.LocalDate;
import java.util.function.Consumer;

/** Where the statements of one UTC day of recording are read from, oldest first, one at a time. */
public interface DsaExports {

    void eachOfDay(LocalDate day, Consumer<DsaStatement.Row> row);
}
