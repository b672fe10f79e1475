package org.parley.appeal.claim.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.parley.appeal.claim.ClaimService;
import org.parley.appeal.claim.domain.ClaimLockedOut;
import org.parley.appeal.notice.NoticeService;
import org.parley.appeal.notice.web.ExplanationLanguages;
import org.parley.appeal.notice.web.NoticeView;
import org.parley.common.kernel.Caller;
import org.parley.common.web.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Notices")
@RestController
class ClaimController {

    private final ClaimService claims;
    private final NoticeService notices;
    private final Clock clock;

    ClaimController(ClaimService claims, NoticeService notices, Clock clock) {
        this.claims = claims;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * 201 with the notice when this call claimed it; 200 when the caller had claimed it before. The answer
     * holds the account concerned, which is stored only sealed: {@code no-store} keeps it out of the
     * Idempotency-Key replay store. Its statement in plain words is in the caller's {@code Accept-Language},
     * as for GET.
     */
    @Operation(operationId = "claimNotice", summary = "Claim a notice",
            description = "A signed-in person (appellant), with the `reference` and `accessCode` they were given: "
                    + "binds the notice to them, so that they can read and appeal it. 201 when this call claimed it, "
                    + "200 when they had claimed it before. Too many wrong codes lock claiming for a while (429, "
                    + "`Retry-After`).")
    @ApiResponse(responseCode = "200", description = "the notice, claimed by the caller before")
    @ApiResponse(responseCode = "201", description = "the notice, claimed by this call")
    @ApiResponse(responseCode = "429", description = "Too many attempts with a wrong reference or access code "
            + "(`CLAIMS_LOCKED`): wait `Retry-After` seconds (also `retryAfterSeconds`).")
    @PostMapping("/api/v1/notices/claims")
    @Parameter(in = ParameterIn.HEADER, name = "Accept-Language", description = ExplanationLanguages.WANTED,
            schema = @Schema(type = "string", example = "de"))
    ResponseEntity<NoticeView> claim(Caller caller, Locale language, @RequestBody ClaimBody body) {
        ClaimService.Claimed claimed = claims.claim(caller, body.reference(), body.accessCode());
        NoticeView view = NoticeView.of(notices.read(caller, claimed.notice().id(), language));
        URI location = URI.create("/api/v1/notices/" + claimed.notice().id());
        return ExplanationLanguages.labelled(
                        claimed.first() ? ResponseEntity.created(location) : ResponseEntity.ok().location(location), language)
                .cacheControl(CacheControl.noStore())
                .body(view);
    }

    /** Too many wrong codes: 429 problem+json, and Retry-After in whole seconds. */
    @ExceptionHandler(ClaimLockedOut.class)
    ResponseEntity<ProblemDetail> lockedOut(ClaimLockedOut e) {
        long seconds = Math.max(1, (Duration.between(clock.instant(), e.until()).toMillis() + 999) / 1000);
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "CLAIMS_LOCKED",
                "Too many attempts with a wrong reference or access code. Try again in " + minutes(seconds) + ".");
        problem.setProperty("reason", "CLAIMS_LOCKED");
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(problem);
    }

    private static String minutes(long seconds) {
        long minutes = (seconds + 59) / 60;
        return minutes == 1 ? "a minute" : minutes + " minutes";
    }

    record ClaimBody(String reference, String accessCode) {}
}
