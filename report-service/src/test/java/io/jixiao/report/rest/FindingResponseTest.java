package io.jixiao.report.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import io.jixiao.report.checker.Finding;

/** The contract's enumerations of a finding's severity and tag are the checker's enums, in their order. */
class FindingResponseTest {

    @Test
    void theContractListsEverySeverityAndTagOfTheChecker() throws Exception {
        assertArrayEquals(names(Finding.Severity.values()), enumeration("severity"));
        assertArrayEquals(names(Finding.Tag.values()), enumeration("tag"));
    }

    @Test
    void aFindingTravelsWithItsEnumsByName() {
        Finding f = new Finding(Finding.Severity.WARNING, Finding.Tag.TEXT, "text.traditional", "", 0, "國", "m", null);
        assertEquals(new FindingResponse("WARNING", "TEXT", "text.traditional", "", 0, "國", "m", null), FindingResponse.of(f));
    }

    private static String[] enumeration(String component) throws Exception {
        return FindingResponse.class.getDeclaredField(component).getAnnotation(Schema.class).enumeration();
    }

    private static String[] names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toArray(String[]::new);
    }
}
