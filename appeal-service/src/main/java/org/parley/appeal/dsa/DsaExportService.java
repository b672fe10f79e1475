package org.parley.appeal.dsa;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.parley.appeal.dsa.domain.DsaExports;
import org.parley.appeal.dsa.domain.DsaShape;
import org.parley.appeal.dsa.domain.DsaStatement;
import org.parley.common.kernel.NotFound;
import org.springframework.stereotype.Service;

/**
 * The daily files in the DSA Transparency Database's shapes, for anyone (its own dumps are public): one UTC day
 * of recording, once the day is over, so that a file and its checksum never change once they can be fetched.
 * Written row by row to the stream, never held whole; the checksum is of the same bytes, made by writing
 * them again into a digest.
 */
@Service
public class DsaExportService {

    static final String ENTITY = "dsa-export";

    private final DsaExports exports;
    private final Clock clock;

    public DsaExportService(DsaExports exports, Clock clock) {
        this.exports = exports;
        this.clock = clock;
    }

    /** The day named, when it is over (404 otherwise: the file does not exist yet). */
    public LocalDate day(String text) {
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new NotFound(ENTITY, text);
        }
        if (!day.isBefore(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            throw new NotFound(ENTITY, text);
        }
        return day;
    }

    public static DsaShape shape(String text) {
        return switch (text) {
            case "full" -> DsaShape.FULL;
            case "light" -> DsaShape.LIGHT;
            default -> throw new NotFound(ENTITY, text);
        };
    }

    /** The file's name, as the DSA names its dumps: {@code sor-parley-2026-11-20-full.csv}. */
    public static String fileName(LocalDate day, DsaShape shape) {
        return "sor-parley-" + day + "-" + shape.fileName() + ".csv";
    }

    /** Writes the day's file: a header of the shape's columns, then one line per notice, oldest first. */
    public void write(LocalDate day, DsaShape shape, OutputStream out) {
        List<String> columns = shape.columns();
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            writer.write(DsaStatement.csvLine(columns));
            exports.eachOfDay(day, row -> {
                Map<String, String> all = DsaStatement.columns(row);
                try {
                    writer.write(DsaStatement.csvLine(columns.stream().map(all::get).toList()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's digest in hex, {@code SHA-1} or {@code SHA-256}. */
    public String digest(LocalDate day, DsaShape shape, String algorithm) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            write(day, shape, new DigestOutputStream(OutputStream.nullOutputStream(), digest));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }
}
