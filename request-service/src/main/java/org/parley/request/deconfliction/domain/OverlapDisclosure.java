package org.parley.request.deconfliction.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.parley.request.lifecycle.domain.GovernmentRequest;
import org.parley.request.lifecycle.domain.RequestAccess;
import org.parley.request.shared.domain.Overlap;

/**
 * What each party learns of a request's overlaps (domain: deconfliction, "without revealing the other
 * request's confidential details").
 *
 * <ul>
 *   <li>The company was addressed by both requests and oversight sees everything: each overlapping
 *       request in full, with its id, type and authority country.</li>
 *   <li>The authority's liaisons see their own authority's overlapping requests in full (they may see
 *       those anyway); of another authority's only that one exists, per subject: never its id, type,
 *       country, liaison or other subjects.</li>
 *   <li>A request under a gag order in force is not revealed to another authority at all, until the
 *       gag ends.</li>
 * </ul>
 */
public final class OverlapDisclosure {

    private OverlapDisclosure() {}

    /** Whether the liaisons of {@code authority} may learn that {@code other} exists. */
    public static boolean revealedTo(UUID authority, OverlappingRequest other, Instant now) {
        return other.authorityId().equals(authority) || !other.gagInForceAt(now);
    }

    /** The overlaps of {@code request} as a caller standing to it as {@code access} is told them. */
    public static List<Overlap> toldTo(RequestAccess access, GovernmentRequest request, List<OverlappingRequest> found,
            Instant now) {
        UUID authority = request.authority().id();
        return switch (access) {
            case OVERSIGHT, COMPANY -> found.stream().map(o -> inFull(o, authority)).toList();
            case AUTHORITY -> toAuthority(authority, found, now);
            case NONE -> List.of();
        };
    }

    private static List<Overlap> toAuthority(UUID authority, List<OverlappingRequest> found, Instant now) {
        List<Overlap> told = new ArrayList<>();
        Set<String> anotherAuthorityTold = new HashSet<>();
        for (OverlappingRequest other : found) {
            if (other.authorityId().equals(authority)) {
                told.add(inFull(other, authority));
            } else if (revealedTo(authority, other, now) && anotherAuthorityTold.add(other.subjectKey())) {
                told.add(new Overlap(other.subject(), null, null, false, null, other.detectedAt()));
            }
        }
        return told;
    }

    private static Overlap inFull(OverlappingRequest other, UUID authority) {
        return new Overlap(other.subject(), other.type(), other.authorityCountry(), other.authorityId().equals(authority),
                other.requestId(), other.detectedAt());
    }

    /**
     * The audit records that the submission of {@code request} leaves, given the open requests it was found
     * to overlap. It gets one itself: {@link Overlap#FLAGGED} when its authority is told of at least one of
     * them, else {@link Overlap#WITHHELD}. An earlier request gets one only when its authority is now told of
     * an overlap on a subject for the first time (no other request naming it there was revealed to it):
     * k requests naming one subject leave k records, not k(k−1)/2.
     */
    public static Flags flags(GovernmentRequest request, List<OverlappingRequest> found, Instant now) {
        UUID authority = request.authority().id();
        boolean gagged = request.gagInForce(now);
        Map<String, List<OverlappingRequest>> bySubject = new LinkedHashMap<>();
        found.forEach(o -> bySubject.computeIfAbsent(o.subjectKey(), key -> new ArrayList<>()).add(o));
        Set<UUID> toldFirst = new LinkedHashSet<>();
        for (List<OverlappingRequest> naming : bySubject.values()) {
            for (OverlappingRequest earlier : naming) {
                boolean newcomerRevealed = earlier.authorityId().equals(authority) || !gagged;
                boolean alreadyTold = naming.stream().anyMatch(o -> !o.requestId().equals(earlier.requestId())
                        && revealedTo(earlier.authorityId(), o, now));
                if (newcomerRevealed && !alreadyTold) {
                    toldFirst.add(earlier.requestId());
                }
            }
        }
        return new Flags(found.stream().anyMatch(o -> revealedTo(authority, o, now)), bySubject.size(),
                (int) found.stream().map(OverlappingRequest::requestId).distinct().count(), List.copyOf(toldFirst));
    }

    /**
     * @param toldToAuthority whether the new request's authority is told of any overlap
     * @param subjects        how many of its subjects overlap
     * @param requests        how many other requests it overlaps
     * @param earlierToldFirst the earlier requests whose authority learns of an overlap on a subject for the first time
     */
    public record Flags(boolean toldToAuthority, int subjects, int requests, List<UUID> earlierToldFirst) {

        public String action() {
            return toldToAuthority ? Overlap.FLAGGED : Overlap.WITHHELD;
        }
    }
}
