package org.reliefclearance.modelguard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a BPMN model may not say: scripts, connectors, Java classes, external resources, embedded
 * HTML forms (they run JavaScript in officials' browsers; Camunda Forms via {@code camunda:formRef}
 * are allowed), task types other than external tasks; and every expression must pass the
 * {@link ExpressionAllowList}. Matched on local names wherever possible, so another namespace
 * prefix (or Camunda's legacy {@code activiti} namespace) does not slip through.
 */
final class BpmnRules {

    /** The engine reads its extensions from both namespaces. */
    private static final Set<String> CAMUNDA_NAMESPACES = Set.of("http://camunda.org/schema/1.0/bpmn",
            "http://activiti.org/bpmn");

    /** Elements whose children are flow elements or root elements. */
    private static final Set<String> CONTAINERS = Set.of("definitions", "process", "subProcess", "transaction",
            "adHocSubProcess", "collaboration");

    private final ExpressionAllowList expressions;

    BpmnRules(ExpressionAllowList expressions) {
        this.expressions = expressions;
    }

    List<Refusal> check(Document model) {
        List<Refusal> refusals = new ArrayList<>();
        NodeList elements = model.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            checkElement(element, refusals);
            NamedNodeMap attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                checkAttribute(element, (Attr) attributes.item(a), refusals);
            }
            String text = SafeXml.ownText(element);
            if (isExpression(text)) {
                expressions.refusal(text.strip()).ifPresent(reason -> refusals.add(new Refusal(
                        elementId(element), "text of " + element.getTagName() + ": expression '"
                        + text.strip() + "' refused: " + reason)));
            }
        }
        return refusals;
    }

    private static void checkElement(Element element, List<Refusal> refusals) {
        String name = element.getLocalName();
        boolean camunda = isCamunda(element.getNamespaceURI());
        String reason = null;
        if ("scriptTask".equals(name) || "script".equals(name)) {
            reason = element.getTagName() + " is not allowed: scripts run arbitrary code";
        } else if (camunda && "connector".equals(name)) {
            reason = element.getTagName() + " is not allowed: connectors call out from inside the engine";
        } else if (camunda && ("formData".equals(name) || "formProperty".equals(name))) {
            reason = element.getTagName() + " is not allowed: only Camunda Forms (camunda:formRef) are";
        }
        if (reason != null) {
            refusals.add(new Refusal(elementId(element), reason));
        }
    }

    private void checkAttribute(Element element, Attr attribute, List<Refusal> refusals) {
        if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
            return;
        }
        String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getName();
        String value = attribute.getValue();
        String reason = null;
        if ("language".equals(name) || "scriptFormat".equals(name)) {
            reason = "not allowed: script conditions and scripts run arbitrary code";
        } else if ("class".equals(name) || name.endsWith("Class")) {
            reason = "not allowed: a model may not name Java classes, only model beans (${beanName})";
        } else if ("resource".equals(name)) {
            reason = "not allowed: external script resources run arbitrary code";
        } else if ("formKey".equals(name)) {
            reason = "not allowed: embedded forms run JavaScript in officials' browsers; use camunda:formRef";
        } else if ("type".equals(name) && isCamunda(attribute.getNamespaceURI())
                   && !"external".equals(value)) {
            reason = "'" + value + "' not allowed: only external tasks (camunda:type=\"external\")";
        } else if ("delegateExpression".equals(name) || name.endsWith("DelegateExpression")) {
            reason = expressions.delegateRefusal(value).map(why -> "'" + value + "' refused: " + why).orElse(null);
        } else if (isExpression(value)) {
            reason = expressions.refusal(value).map(why -> "expression '" + value + "' refused: " + why).orElse(null);
        }
        if (reason != null) {
            refusals.add(new Refusal(elementId(element), "attribute " + attribute.getName() + ": " + reason));
        }
    }

    private static boolean isCamunda(String namespace) {
        return namespace != null && CAMUNDA_NAMESPACES.contains(namespace);
    }

    /**
     * The flow element (task, event, flow, ...) or root element (message, signal, ...) a finding
     * belongs to: what a process owner finds in Modeler, rather than a nested definition's id.
     */
    private static String elementId(Element element) {
        for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
            String id = current.getAttribute("id");
            if (!id.isEmpty() && (!(current.getParentNode() instanceof Element parent)
                    || CONTAINERS.contains(parent.getLocalName()))) {
                return id;
            }
        }
        return SafeXml.elementId(element);
    }

    private static boolean isExpression(String text) {
        return text.contains("${") || text.contains("#{");
    }
}
