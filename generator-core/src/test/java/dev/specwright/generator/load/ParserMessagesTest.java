package dev.specwright.generator.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specwright.generator.SpecProblem;
import org.junit.jupiter.api.Test;

/** swagger-parser's message shapes, as seen on the real-spec corpus, become located problems. */
class ParserMessagesTest {

    private static SpecProblem problem(String message) {
        return ParserMessages.toProblem("api.json", message);
    }

    @Test
    void aLocatedSentenceGetsItsPointer() {
        SpecProblem p = problem("paths.'/uploads?convert={convert}'. Declared path parameter convert needs to be defined as a path "
                + "parameter in path or operation level");
        assertThat(p.pointer()).isEqualTo("/paths/~1uploads?convert={convert}");
        assertThat(p.rule()).startsWith("Declared path parameter convert");
    }

    @Test
    void aRefToTheWrongKindOfComponentIsLocatedAtTheRef() {
        SpecProblem p = problem("paths.'/jobs/{id}/captions'(get).responses.200.content.'application/x-subrip'.schema.$ref target "
                + "#/components/responses/CaptionSrt is not of expected type Schema");
        assertThat(p.pointer()).isEqualTo("/paths/~1jobs~1{id}~1captions/get/responses/200/content/application~1x-subrip/schema/$ref");
        assertThat(p.rule()).contains("#/components/responses/CaptionSrt").contains("Schema");
    }

    @Test
    void contactAndLicenseUrlsAreLocated() {
        SpecProblem p = problem("info.license../LICENSE");
        assertThat(p.pointer()).isEqualTo("/info/license/url");
        assertThat(p.rule()).contains("/LICENSE");
    }

    @Test
    void aContentWithoutMediaTypeIsLocated() {
        SpecProblem p = problem("attribute paths.'/a/{b}'(post).requestBody.content with no media type is unsupported");
        assertThat(p.pointer()).isEqualTo("/paths/~1a~1{b}/post/requestBody/content");
    }

    @Test
    void defectsTheGeneratorRepairsDoNotStopIt() {
        assertThat(ParserMessages.isTolerated("attribute paths.'/x'(post).operationId is repeated")).isTrue();
        assertThat(ParserMessages.isTolerated("paths.'/v2/actions'(get).parameters. There are duplicate parameter values.")).isTrue();
        assertThat(ParserMessages.isTolerated(".components.schemas.Push.$ref target #/components/parameters/companyId/schema is not "
                + "of expected type Schema (#/components/schemas/Push)")).isTrue();
        assertThat(ParserMessages.isTolerated("paths.'/v2/actions'(get).parameters. There are duplicate parameter values")).isTrue();
        assertThat(ParserMessages.isTolerated("paths.'/x'(get).responses.200.content.'application/json'.schema.$ref target "
                + "#/components/responses/StatusMessage is not of expected type Schema")).isFalse();
    }
}
