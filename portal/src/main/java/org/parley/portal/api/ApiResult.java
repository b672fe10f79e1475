package org.parley.portal.api;

import java.util.Optional;
import java.util.function.Function;

/**
 * What one call to the public API gave: the answer, the API's refusal (a problem the person
 * can act on), or nothing because the service behind it could not be reached in time.
 */
public sealed interface ApiResult<T> {

    /** A 2xx answer. {@code location} is the {@code Location} header of a creation, else null. */
    record Ok<T>(T value, int status, String location) implements ApiResult<T> {
    }

    /** A 4xx answer: the API's problem details. */
    record Refused<T>(Problem problem) implements ApiResult<T> {
    }

    /** The service is down, slow, or its circuit is open; {@code service} names it for the page. */
    record Unavailable<T>(ApiService service) implements ApiResult<T> {
    }

    default boolean ok() {
        return this instanceof Ok<T>;
    }

    default Optional<T> answer() {
        return this instanceof Ok<T> ok ? Optional.ofNullable(ok.value()) : Optional.empty();
    }

    /** The answer, or the page answers 404 (also when the API says the thing is not yours to see). */
    default T orNotFound() {
        return switch (this) {
            case Ok<T> ok -> ok.value();
            case Refused<T> refused when refused.problem().status() == 404 || refused.problem().status() == 403
                    || refused.problem().status() == 400 -> throw new NotFoundPage();
            case Refused<T> refused -> throw new ApiRefusal(refused.problem());
            case Unavailable<T> unavailable -> throw new ServiceUnavailable(unavailable.service());
        };
    }

    default Optional<Problem> refusal() {
        return this instanceof Refused<T> refused ? Optional.of(refused.problem()) : Optional.empty();
    }

    default boolean unavailable() {
        return this instanceof Unavailable<T>;
    }

    @SuppressWarnings("unchecked")
    default <R> ApiResult<R> map(Function<T, R> mapping) {
        return this instanceof Ok<T> ok ? new Ok<>(mapping.apply(ok.value()), ok.status(), ok.location())
                : (ApiResult<R>) this;
    }

    /** A refusal the page cannot turn into form messages. */
    final class ApiRefusal extends RuntimeException {
        private final Problem problem;

        public ApiRefusal(Problem problem) {
            super(problem.title(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** The page's main content could not be had. */
    final class ServiceUnavailable extends RuntimeException {
        private final ApiService service;

        public ServiceUnavailable(ApiService service) {
            super(service.name(), null, false, false);
            this.service = service;
        }

        public ApiService service() {
            return service;
        }
    }
}
