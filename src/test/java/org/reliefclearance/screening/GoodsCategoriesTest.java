package org.reliefclearance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.Test;
import org.reliefclearance.forms.FormField;
import org.reliefclearance.forms.FormSchema;

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
}
