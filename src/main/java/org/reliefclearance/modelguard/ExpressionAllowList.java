package org.reliefclearance.modelguard;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;

/**
 * Which JUEL expressions a model may hold: literals, operators and comparisons, variables,
 * a property of a variable or model bean, methods of a model bean or of {@code execution} /
 * {@code task} called directly on its name, and the engine's functions. Everything else (calls
 * on literals or results, {@code class}, the engine's services, unknown functions) is refused.
 */
final class ExpressionAllowList {

    private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final ModelBeans beans;

    ExpressionAllowList(ModelBeans beans) {
        this.beans = beans;
    }

    /** Why the expression (text with {@code ${...}} or {@code #{...}} parts) is refused; empty when allowed. */
    Optional<String> refusal(String expression) {
        Node root;
        try {
            // the engine's expression factory parses with the JEE6 profile: method calls and varargs on
            root = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(expression).getRoot();
        } catch (ELException e) {
            return Optional.of("not a valid expression: " + e.getMessage());
        }
        return Optional.ofNullable(check(root));
    }

    /** A delegate expression must be exactly {@code ${beanName}} of a model bean. */
    Optional<String> delegateRefusal(String expression) {
        Matcher reference = BEAN_REFERENCE.matcher(expression);
        if (!reference.matches()) {
            return Optional.of("a delegate expression must be ${beanName} of a model bean");
        }
        String name = reference.group(1);
        return beans.typeOf(name) != null ? Optional.empty()
                : Optional.of("'" + name + "' is not a model bean (a delegate or listener of the application, "
                              + "or a bean annotated @ModelBean)");
    }

    private String check(Node node) {
        if (node instanceof AstText || node instanceof AstLiteral || node instanceof AstIdentifier) {
            return null;
        }
        if (node instanceof AstEval || node instanceof AstComposite || node instanceof AstNested
                || node instanceof AstUnary || node instanceof AstBinary || node instanceof AstChoice
                || node instanceof AstParameters) {
            return children(node);
        }
        if (node instanceof AstFunction function) {
            if (!ModelAccess.FUNCTIONS.contains(function.getName())) {
                return "function " + function.getName() + "() is not allowed (only "
                        + ModelAccess.listed(ModelAccess.FUNCTIONS, "()") + ")";
            }
            return children(function);
        }
        if (node instanceof AstDot dot) {
            return property(dot.getChild(0), propertyName(dot));
        }
        if (node instanceof AstBracket bracket) {
            Node key = bracket.getChild(1);
            if (!(key instanceof AstString || key instanceof AstNumber)) {
                return "a property chosen at run time ([...] with a computed key) is not allowed";
            }
            return property(bracket.getChild(0), String.valueOf(((AstLiteral) key).eval(null, null)));
        }
        if (node instanceof AstMethod method) {
            return method(method);
        }
        return "unsupported expression construct " + node.getClass().getSimpleName();
    }

    private String property(Node target, String property) {
        if (ModelAccess.isClassProperty(property)) {
            return "property '" + property + "' is not allowed";
        }
        if (!(target instanceof AstIdentifier identifier)) {
            String inner = check(target);
            return inner != null ? inner
                    : "property '" + property + "' of " + describe(target) + " is not allowed: only a variable's or "
                      + "model bean's own properties may be read";
        }
        String name = identifier.getName();
        if (ModelAccess.ENGINE_OBJECTS.contains(name)) {
            return ModelAccess.ENGINE_PROPERTIES.contains(property) ? null
                    : "property '" + property + "' of " + name + " is not allowed (only "
                      + ModelAccess.listed(ModelAccess.ENGINE_PROPERTIES, "") + ")";
        }
        Class<?> bean = beans.typeOf(name);
        if (bean != null && !ModelAccess.isBeanProperty(bean, property)) {
            return "property '" + property + "' of bean '" + name + "' is not a getter declared by " + bean.getName();
        }
        return null;
    }

    private String method(AstMethod call) {
        if (!(call.getChild(0) instanceof AstDot dot)) {
            return "a method chosen at run time ([...](...)) is not allowed";
        }
        String method = propertyName(dot);
        Node target = dot.getChild(0);
        if (!(target instanceof AstIdentifier identifier)) {
            String inner = check(target);
            return inner != null ? inner
                    : "method " + method + "() called on " + describe(target) + " is not allowed: only model beans "
                      + "and execution/task may be called, directly by name (no chained calls)";
        }
        String name = identifier.getName();
        Node arguments = call.getChild(1);
        if (ModelAccess.ENGINE_OBJECTS.contains(name)) {
            if (!ModelAccess.ENGINE_METHODS.contains(method)) {
                return "method " + name + "." + method + "() is not allowed (only "
                        + ModelAccess.listed(ModelAccess.ENGINE_METHODS, "()") + ")";
            }
        } else {
            Class<?> bean = beans.typeOf(name);
            if (bean == null) {
                return "method " + name + "." + method + "() is not allowed: '" + name + "' is not a model bean";
            }
            if (!ModelAccess.isBeanMethod(bean, method, arguments.getCardinality())) {
                return "method " + name + "." + method + "() is not a public method declared by " + bean.getName();
            }
        }
        return check(arguments);
    }

    private String children(Node node) {
        for (int i = 0; i < node.getCardinality(); i++) {
            String problem = check(node.getChild(i));
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** JUEL keeps a dot's property name private; its toString() is ". name". */
    private static String propertyName(AstDot dot) {
        String text = dot.toString();
        return text.startsWith(". ") ? text.substring(2) : text;
    }

    private static String describe(Node node) {
        if (node instanceof AstLiteral) {
            return "a literal";
        }
        if (node instanceof AstMethod) {
            return "the result of another call";
        }
        if (node instanceof AstDot || node instanceof AstBracket) {
            return "a property's value";
        }
        return "a computed value";
    }
}
