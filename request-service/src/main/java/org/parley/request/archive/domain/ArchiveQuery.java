package org.parley.request.archive.domain;

import java.time.LocalDate;
import java.util.UUID;
import org.parley.request.shared.domain.RequestType;

/**
 * A search of the archive; every filter optional. {@code from} and {@code to} bound the day the
 * request was received (UTC, both included); {@code q} is one or more words of the legal basis
 * (instrument, provision, jurisdiction) or a domain the subjects are on, all of which must match.
 */
public record ArchiveQuery(UUID authority, UUID company, String country, RequestType type, String outcome,
        LocalDate from, LocalDate to, String q) {}
