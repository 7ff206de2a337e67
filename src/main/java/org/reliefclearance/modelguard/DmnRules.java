package org.reliefclearance.modelguard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A decision may only use FEEL: any other {@code expressionLanguage} (on the definitions, an input
 * expression, input or output entry, literal expression, ...) is JUEL or a script engine
 * (JavaScript, Groovy) and runs code.
 *
 * <p>FEEL is evaluated by feel-scala, which Camunda builds with external functions disabled
 * ({@code ScalaFeelEngine.buildFeelEngine}: {@code enableExternalFunctions(false)}), so FEEL cannot
 * name a Java class or method. It can still call the public methods of a Java object found in its
 * variables; {@link PlainDataFeel} therefore gives FEEL only plain data. Elements without
 * {@code expressionLanguage} use FEEL as long as the engine's legacy FEEL behaviour stays off
 * ({@link ModelGuardPlugin} refuses to start otherwise).
 */
final class DmnRules {

    private static final Set<String> FEEL_URIS = Set.of(DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14,
            DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15);

    List<Refusal> check(Document decision) {
        List<Refusal> refusals = new ArrayList<>();
        NodeList elements = decision.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            Attr language = attribute(element, "expressionLanguage");
            if (language != null && !isFeel(language.getValue())) {
                refusals.add(new Refusal(SafeXml.elementId(element), element.getLocalName() + " attribute "
                        + language.getName() + "=\"" + language.getValue() + "\" refused: decisions may only use FEEL"));
            }
        }
        return refusals;
    }

    /**
     * The engine's own test for FEEL ({@code ExpressionEvaluationHandler.isFeelExpressionLanguage}),
     * so nothing it would hand to JUEL or a script engine passes.
     */
    static boolean isFeel(String expressionLanguage) {
        return FEEL_URIS.contains(expressionLanguage)
                || DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE
                        .equals(expressionLanguage.toLowerCase(Locale.ROOT));
    }

    /** Matched in any namespace (the DMN schema has it unqualified). */
    private static Attr attribute(Element element, String localName) {
        var attributes = element.getAttributes();
        for (int a = 0; a < attributes.getLength(); a++) {
            Attr attribute = (Attr) attributes.item(a);
            if (localName.equals(attribute.getLocalName())) {
                return attribute;
            }
        }
        return null;
    }
}
