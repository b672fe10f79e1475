package org.parley.common.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTypesTest {

    @Test
    void theTypeIsTheReasonInKebabCaseUnderParleysUrn() {
        assertThat(ProblemTypes.of("ILLEGAL_TRANSITION")).hasToString("urn:parley:problem:illegal-transition");
        assertThat(ProblemTypes.of("NOT_FOUND")).hasToString("urn:parley:problem:not-found");
        assertThat(ProblemTypes.of(new NotFound("stakeholder", "x").reason()))
                .hasToString("urn:parley:problem:stakeholder-not-found");
    }
}
