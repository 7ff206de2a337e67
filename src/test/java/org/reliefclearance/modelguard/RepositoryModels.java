package org.reliefclearance.modelguard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/** The models of this repository and the application's model beans, without starting Spring. */
final class RepositoryModels {

    private RepositoryModels() {
    }

    /** The model beans as the running application finds them: from the bean definitions of org.reliefclearance. */
    static ModelBeans applicationBeans() {
        DefaultListableBeanFactory definitions = new DefaultListableBeanFactory();
        ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(definitions);
        scanner.setIncludeAnnotationConfig(false);
        scanner.scan("org.reliefclearance");
        return new ModelBeans(definitions);
    }

    /** bpmn/*.bpmn and src/test/resources/**&#47;*.bpmn */
    static List<Path> bpmnFiles() {
        return files(".bpmn");
    }

    /** bpmn/, forms/ and src/test/resources/: every model, decision and form a test deploys. */
    static List<Path> files(String... suffixes) {
        try (Stream<Path> models = Stream.of(Path.of("bpmn"), Path.of("forms"), Path.of("src/test/resources"))
                .flatMap(RepositoryModels::walk)) {
            return models.filter(p -> Stream.of(suffixes).anyMatch(s -> p.toString().endsWith(s))).sorted().toList();
        }
    }

    /** Every attribute value and element text with ${...} or #{...}, as the guard sees them. */
    static List<String> expressions(Path model, boolean delegateExpressions) {
        Document document = SafeXml.parse(read(model));
        List<String> found = new ArrayList<>();
        NodeList elements = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            NamedNodeMap attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                Attr attribute = (Attr) attributes.item(a);
                boolean delegate = attribute.getLocalName().endsWith("elegateExpression");
                if (delegate == delegateExpressions && isExpression(attribute.getValue())) {
                    found.add(attribute.getValue());
                }
            }
            String text = SafeXml.ownText(element).strip();
            if (!delegateExpressions && isExpression(text)) {
                found.add(text);
            }
        }
        return found;
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isExpression(String text) {
        return text.contains("${") || text.contains("#{");
    }

    private static Stream<Path> walk(Path folder) {
        try {
            return Files.walk(folder).filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
