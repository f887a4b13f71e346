package io.jixiao.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The strict reading of a contract schema, on a small contract shaped as SmallRye writes one. */
class ContractAssertTest {

    private static final JsonNode CONTRACT;

    static {
        try {
            CONTRACT = new ObjectMapper().readTree("""
                    {"components":{"schemas":{
                      "Doc":{"type":"object","properties":{
                        "title":{"type":"string"},
                        "score":{"anyOf":[{"$ref":"#/components/schemas/Score"},{"type":"null"}]},
                        "heading":{"type":["string","null"],"examples":[{"not":"a schema"}]},
                        "parts":{"type":"array","items":{"$ref":"#/components/schemas/Score"}},
                        "n":{"type":"integer","format":"int64"}}},
                      "Score":{"type":"object","properties":{"total":{"type":"string"},"examples":{"type":"string"}}}}}}
                    """);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static void doc(String live) {
        ContractAssert.validate(CONTRACT, "Doc", ContractAssert.one("Doc"), live);
    }

    @Test
    void aResponseWithEveryFieldAndNullsWhereAllowedMatches() {
        doc("""
                {"title":"t","score":{"total":"6.82","examples":"a field of that name"},"heading":null,
                 "parts":[{"total":"1","examples":"e"}],"n":1}""");
        doc("""
                {"title":"t","score":null,"heading":"h","parts":[],"n":2}""");
        ContractAssert.validate(CONTRACT, "Score", ContractAssert.each("Score"), """
                [{"total":"1","examples":"e"}]""");
    }

    @Test
    void aMissingOrExtraFieldAnUnexpectedNullOrAWrongTypeFails() {
        assertThrows(AssertionError.class, () -> doc("""
                {"title":"t","score":null,"parts":[],"n":1}"""));
        assertThrows(AssertionError.class, () -> doc("""
                {"title":"t","score":null,"heading":null,"parts":[],"n":1,"more":true}"""));
        AssertionError nullTitle = assertThrows(AssertionError.class, () -> doc("""
                {"title":null,"score":null,"heading":null,"parts":[],"n":1}"""));
        assertTrue(nullTitle.getMessage().contains("/title"), nullTitle.getMessage());
        assertThrows(AssertionError.class, () -> doc("""
                {"title":"t","score":{"total":"1","examples":"e","more":1},"heading":null,"parts":[],"n":1}"""));
        assertThrows(AssertionError.class, () -> ContractAssert.validate(CONTRACT, "Score", ContractAssert.each("Score"), """
                [{"total":1,"examples":"e"}]"""));
        assertThrows(AssertionError.class, () -> ContractAssert.validate(CONTRACT, "Nothing", ContractAssert.one("Nothing"), "{}"));
    }
}
