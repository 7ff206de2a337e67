package org.reliefclearance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.function.Supplier;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Input;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reliefclearance.forms.FormField;
import org.reliefclearance.forms.FormSchema;
import org.reliefclearance.identity.ServiceReads;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The goods categories have one home, the goods-classification decision; the start form offers exactly them. */
class GoodsCategoriesTest {

    @Test
    void theStartFormOffersExactlyTheCategoriesTheRulesKnow() throws Exception {
        var categories = GoodsCategories.categories(Dmn.readModelFromFile(Path.of("bpmn/goods-classification.dmn")
                .toFile()));
        assertThat(categories).contains("MEDICINE", "SHELTER", "OTHER").doesNotHaveDuplicates();

        FormSchema form = FormSchema.parse(Files.readString(Path.of("forms/submit-notification.form")));
        for (FormField field : form.fields()) {
            if (field.key().matches("line\\dCategory")) {
                assertThat(field.values()).as(field.key()).containsExactlyInAnyOrderElementsOf(categories);
            }
        }
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    /**
     * A notification's lines are checked against the categories with one question to the database
     * per request, not one per line; the next request sees a decision a process owner deployed meanwhile.
     */
    @Test
    void aRequestAsksForTheCategoriesOnceAndTheNextSeesANewDecision() throws Exception {
        RepositoryService repository = mock(RepositoryService.class, RETURNS_DEEP_STUBS);
        ServiceReads reads = mock(ServiceReads.class);
        when(reads.read(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
        DecisionDefinition first = definition("goods-classification:1");
        when(repository.createDecisionDefinitionQuery().decisionDefinitionKey(GoodsClassification.DECISION)
                .latestVersion().singleResult()).thenReturn(first);
        when(repository.getDmnModelInstance("goods-classification:1")).thenReturn(rules());
        GoodsCategories categories = new GoodsCategories(repository, reads);

        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        for (int line = 0; line < 5; line++) {
            assertThat(categories.all()).contains("SHELTER").doesNotContain("BOATS");
        }
        verify(reads, times(2)).read(any()); // the latest definition, and its model the first time

        DmnModelInstance widened = rules();
        Input category = widened.getModelElementsByType(Input.class).stream()
                .filter(input -> "category".equals(input.getInputExpression().getText().getTextContent().strip()))
                .findFirst().orElseThrow();
        category.getInputValues().getText().setTextContent(
                category.getInputValues().getText().getTextContent() + ",\"BOATS\"");
        DecisionDefinition second = definition("goods-classification:2");
        when(repository.createDecisionDefinitionQuery().decisionDefinitionKey(GoodsClassification.DECISION)
                .latestVersion().singleResult()).thenReturn(second);
        when(repository.getDmnModelInstance("goods-classification:2")).thenReturn(widened);
        assertThat(categories.all()).as("same request").doesNotContain("BOATS");

        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        assertThat(categories.all()).as("next request").contains("BOATS", "SHELTER");
        RequestContextHolder.resetRequestAttributes();
        assertThat(categories.all()).as("outside a request").contains("BOATS");
        verify(reads, times(5)).read(any());
    }

    private static DecisionDefinition definition(String id) {
        DecisionDefinition definition = mock(DecisionDefinition.class);
        when(definition.getId()).thenReturn(id);
        return definition;
    }

    private static DmnModelInstance rules() {
        return Dmn.readModelFromFile(Path.of("bpmn/goods-classification.dmn").toFile());
    }
}
