package io.dealgraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The status a refused document is answered with: the reason's kind decides, the detail says it in words. */
class RefusalStatusTest {

    private final DocumentController controller = new DocumentController(null, null);

    private ResponseEntity<ProblemDetail> answer(RejectedInputException.Kind kind) {
        return controller.rejected(new RejectedInputException("because", kind));
    }

    @Test
    void eachKindOfRefusalHasItsStatus() {
        assertThat(answer(RejectedInputException.Kind.INVALID).getStatusCode().value()).isEqualTo(400);
        assertThat(answer(RejectedInputException.Kind.TOO_LARGE).getStatusCode().value()).isEqualTo(413);
        assertThat(answer(RejectedInputException.Kind.TOO_COSTLY).getStatusCode().value()).isEqualTo(422);
        assertThat(answer(RejectedInputException.Kind.STOPPED).getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void aDocumentOverTheBudgetIsAProblemThatSaysWhy() {
        ExtractionBudget none = new ExtractionBudget(java.time.Duration.ZERO);
        RejectedInputException refused = org.junit.jupiter.api.Assertions.assertThrows(RejectedInputException.class,
                () -> none.extract(io.dealgraph.extract.Extractors.ruleBased(), io.dealgraph.extract.Document.of("d", "Acme raised $5 million.")));
        ResponseEntity<ProblemDetail> r = controller.rejected(refused);
        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(r.getBody().getDetail()).isEqualTo("The document was not ingested: reading it took longer than its time budget of 0 ms"
                + " (DEALGRAPH_EXTRACTION_BUDGET). Nothing was written.");
    }
}
