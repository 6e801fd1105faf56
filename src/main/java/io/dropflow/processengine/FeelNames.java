package io.dropflow.processengine;

import camundajar.impl.scala.Product;
import camundajar.impl.scala.collection.Iterable;
import camundajar.impl.scala.collection.Iterator;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.syntaxtree.ConstContext;
import org.camunda.feel.syntaxtree.EveryItem;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.Filter;
import org.camunda.feel.syntaxtree.For;
import org.camunda.feel.syntaxtree.FunctionDefinition;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.Ref;
import org.camunda.feel.syntaxtree.SomeItem;

/**
 * The variables a FEEL expression reads, by the FEEL engine's own parser (the one Camunda's decision tables use): so a
 * deployment check ({@link TableRules}) knows that {@code min([48, agreedHours])} reads {@code agreedHours} and that
 * {@code tier} or {@code three} without quotes is a variable too, which is nothing where the application gives none of
 * that name. Names an expression binds itself (a {@code for}, {@code some} or {@code every} iteration, a context's
 * entries, a function's parameters) are not variables read; a filter's condition ({@code list[item > 3]}) may name the
 * items' own fields, so it is not looked into.
 */
final class FeelNames {

    /** A variable name as the release's tables' inputs read them ({@code agreedHours}). */
    private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");

    /** Camunda's FEEL engine, for its parser only (no functions of the process engine's: none is needed to parse). */
    private static final class Parser extends ScalaFeelEngine {

        Parser() {
            super(List.of());
        }

        Either<Failure, ParsedExpression> parse(String expression) {
            return feelEngine.parseExpression(expression);
        }
    }

    private static final Parser PARSER = new Parser();

    private FeelNames() {
    }

    /** Whether the text is one plain variable name, as an input expression that reads a variable given to the table. */
    static boolean isName(String text) {
        return NAME.matcher(text).matches();
    }

    /** The variables this expression reads; empty when FEEL cannot parse it. */
    static Optional<Set<String>> read(String expression) {
        Either<Failure, ParsedExpression> parsed;
        try {
            parsed = PARSER.parse(expression);
        } catch (RuntimeException unparsable) {
            return Optional.empty();
        }
        if (!(parsed instanceof Right<Failure, ParsedExpression> right)) {
            return Optional.empty();
        }
        Set<String> read = new HashSet<>();
        Set<String> bound = new HashSet<>();
        walk(right.value(), false, read, bound);
        read.removeAll(bound);
        return Optional.of(read);
    }

    /**
     * Every name read ({@link Ref}) under this node of the syntax tree, and every name bound ({@code binding}: a string
     * inside a binding node's own lists and pairs, not inside the expressions they hold).
     */
    private static void walk(Object node, boolean binding, Set<String> read, Set<String> bound) {
        if (node instanceof Ref ref) {
            Object first = ref.names().head();
            read.add(String.valueOf(first));
        } else if (node instanceof Filter filter) {
            walk(filter.productElement(0), false, read, bound);
        } else if (node instanceof String name) {
            if (binding) {
                bound.add(name);
            }
        } else if (node instanceof Exp && node instanceof Product exp) {
            boolean binds = exp instanceof For || exp instanceof SomeItem || exp instanceof EveryItem
                    || exp instanceof ConstContext || exp instanceof FunctionDefinition;
            for (int i = 0; i < exp.productArity(); i++) {
                walk(exp.productElement(i), binds, read, bound);
            }
        } else if (node instanceof Iterable<?> items) {
            for (Iterator<?> each = items.iterator(); each.hasNext(); ) {
                walk(each.next(), binding, read, bound);
            }
        } else if (node instanceof Product product) {
            for (int i = 0; i < product.productArity(); i++) {
                walk(product.productElement(i), binding, read, bound);
            }
        }
    }
}
