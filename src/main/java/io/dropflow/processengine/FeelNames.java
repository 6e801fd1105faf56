package io.dropflow.processengine;

import camundajar.impl.scala.Product;
import camundajar.impl.scala.collection.Iterable;
import camundajar.impl.scala.collection.Iterator;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Right;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.FunctionProvider.CompositeFunctionProvider;
import org.camunda.feel.impl.interpreter.BuiltinFunctions;
import org.camunda.feel.impl.interpreter.EvalContext;
import org.camunda.feel.syntaxtree.ConstContext;
import org.camunda.feel.syntaxtree.EveryItem;
import org.camunda.feel.syntaxtree.Exp;
import org.camunda.feel.syntaxtree.Filter;
import org.camunda.feel.syntaxtree.For;
import org.camunda.feel.syntaxtree.FunctionDefinition;
import org.camunda.feel.syntaxtree.FunctionInvocation;
import org.camunda.feel.syntaxtree.NamedFunctionParameters;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.syntaxtree.PositionalFunctionParameters;
import org.camunda.feel.syntaxtree.Ref;
import org.camunda.feel.syntaxtree.SomeItem;
import org.camunda.feel.syntaxtree.ValError;

/**
 * The variables a FEEL expression reads, by the FEEL engine's own parser (the one Camunda's decision tables use): so a
 * deployment check ({@link TableRules}) knows that {@code min([48, agreedHours])} reads {@code agreedHours} and that
 * {@code tier} or {@code three} without quotes is a variable too, which is nothing where the application gives none of
 * that name. Names an expression binds itself (a {@code for}, {@code some} or {@code every} iteration, a context's
 * entries, a function's parameters) are not variables read; a filter's condition ({@code list[item > 3]}) may name the
 * items' own fields, so it is not looked into.
 *
 * <p>It also knows the functions an expression calls that FEEL does not have ({@code minimum} for {@code min}), or not
 * with those arguments ({@code round up(x)}: FEEL's takes a scale too), by the FEEL engine's own functions: its
 * built-in ones ({@link BuiltinFunctions}) and those the engine is given (none: Dropflow's process engine registers no
 * FEEL functions of its own), looked up as the engine looks them up when it evaluates. A call to a function the
 * expression defines itself (a context entry's {@code function(h) ...}) is the expression's own.
 */
final class FeelNames {

    /** A variable name as the release's tables' inputs read them ({@code agreedHours}). */
    private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");

    /**
     * Camunda's FEEL engine, for its parser and its functions (no functions of the process engine's: it registers none).
     */
    private static final class Parser extends ScalaFeelEngine {

        /** The functions as the engine's root context holds them: its built-in ones, then those it is given. */
        private final EvalContext functions;

        Parser() {
            super(List.of());
            functions = EvalContext.create(feelEngine.valueMapper(), new CompositeFunctionProvider(toScalaList(
                    (FunctionProvider) new BuiltinFunctions(feelEngine.clock(), feelEngine.valueMapper()),
                    feelEngine.functionProvider())));
        }

        Either<Failure, ParsedExpression> parse(String expression) {
            return feelEngine.parseExpression(expression);
        }

        Either<Failure, ParsedExpression> parseTests(String tests) {
            return feelEngine.parseUnaryTests(tests);
        }
    }

    /** A function an expression calls: its name and its arguments (by position: their count; by name: their names). */
    private record Call(String function, int count, camundajar.impl.scala.collection.immutable.Set<String> names) {
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
        return parsed(expression, false).map(tree -> {
            Set<String> read = new HashSet<>();
            Set<String> bound = new HashSet<>();
            walk(tree, false, read, bound, new ArrayList<>());
            read.removeAll(bound);
            return read;
        });
    }

    /**
     * The calls of this expression (or an input's tests, {@code tests}) the FEEL engine would fail on, each said for
     * people ("minimum, a function FEEL does not have (FEEL has min)", "round up with 1 argument, which FEEL's round up
     * does not take"); empty when none, or FEEL cannot parse the text (said elsewhere, or not judged).
     */
    static List<String> callsFeelFails(String text, boolean tests) {
        Optional<Object> tree = parsed(text, tests);
        if (tree.isEmpty()) {
            return List.of();
        }
        Set<String> bound = new HashSet<>();
        List<Call> calls = new ArrayList<>();
        walk(tree.get(), false, new HashSet<>(), bound, calls);
        List<String> failing = new ArrayList<>();
        for (Call call : calls) {
            if (bound.contains(call.function())) {
                continue; // a function the expression defines itself
            }
            String said;
            if (PARSER.functions.functionProvider().getFunctions(call.function()).isEmpty()) {
                List<String> near = near(call.function());
                said = call.function() + ", a function FEEL does not have" + (near.isEmpty() ? ""
                        : " (FEEL has " + String.join(" or ", near) + ")");
            } else if ((call.names() == null ? PARSER.functions.function(call.function(), call.count())
                    : PARSER.functions.function(call.function(), call.names())) instanceof ValError) {
                said = call.function() + (call.names() == null ? " with " + call.count() + " argument"
                        + (call.count() == 1 ? "" : "s") : " with the arguments " + call.names().mkString(", "))
                        + ", which FEEL's " + call.function() + " does not take";
            } else {
                continue;
            }
            if (!failing.contains(said)) {
                failing.add(said);
            }
        }
        return failing;
    }

    /**
     * FEEL's functions near a name typed wrong: the same without spaces ({@code uppercase}: upper case), one name the
     * start of the other ({@code minimum}: min), or two letters off ({@code stirng length}).
     */
    private static List<String> near(String typed) {
        String plain = typed.replace(" ", "").toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>();
        for (Iterator<String> each = PARSER.functions.functionProvider().functionNames().iterator(); each.hasNext(); ) {
            names.add(each.next());
        }
        return names.stream().distinct().filter(name -> {
            String other = name.replace(" ", "").toLowerCase(Locale.ROOT);
            boolean starts = Math.min(other.length(), plain.length()) >= 3 && (plain.startsWith(other)
                    || other.startsWith(plain));
            return other.equals(plain) || starts || distance(plain, other) <= 2;
        }).sorted(Comparator.comparingInt((String name) -> distance(plain, name.replace(" ", "")
                .toLowerCase(Locale.ROOT))).thenComparing(Comparator.naturalOrder())).limit(3).toList();
    }

    /** The edit distance of two names (letters added, removed or changed). */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                current[j] = Math.min(Math.min(current[j - 1], previous[j]) + 1,
                        previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            previous = current;
        }
        return previous[b.length()];
    }

    /** The syntax tree of an expression (or an input's tests); empty when FEEL cannot parse it. */
    private static Optional<Object> parsed(String text, boolean tests) {
        Either<Failure, ParsedExpression> parsed;
        try {
            parsed = tests ? PARSER.parseTests(text) : PARSER.parse(text);
        } catch (RuntimeException unparsable) {
            return Optional.empty();
        }
        if (!(parsed instanceof Right<Failure, ParsedExpression> right)) {
            return Optional.empty();
        }
        return Optional.of(right.value().expression());
    }

    /**
     * Every name read ({@link Ref}) under this node of the syntax tree, and every name bound ({@code binding}: a string
     * inside a binding node's own lists and pairs, not inside the expressions they hold).
     */
    private static void walk(Object node, boolean binding, Set<String> read, Set<String> bound, List<Call> calls) {
        if (node instanceof FunctionInvocation call) {
            if (call.params() instanceof PositionalFunctionParameters positional) {
                calls.add(new Call(call.function(), positional.params().size(), null));
            } else if (call.params() instanceof NamedFunctionParameters named) {
                calls.add(new Call(call.function(), named.params().size(), named.params().keySet()));
            }
        }
        if (node instanceof Ref ref) {
            Object first = ref.names().head();
            read.add(String.valueOf(first));
        } else if (node instanceof Filter filter) {
            walk(filter.productElement(0), false, read, bound, calls);
        } else if (node instanceof String name) {
            if (binding) {
                bound.add(name);
            }
        } else if (node instanceof Exp && node instanceof Product exp) {
            boolean binds = exp instanceof For || exp instanceof SomeItem || exp instanceof EveryItem
                    || exp instanceof ConstContext || exp instanceof FunctionDefinition;
            for (int i = 0; i < exp.productArity(); i++) {
                walk(exp.productElement(i), binds, read, bound, calls);
            }
        } else if (node instanceof Iterable<?> items) {
            for (Iterator<?> each = items.iterator(); each.hasNext(); ) {
                walk(each.next(), binding, read, bound, calls);
            }
        } else if (node instanceof Product product) {
            for (int i = 0; i < product.productArity(); i++) {
                walk(product.productElement(i), binding, read, bound, calls);
            }
        }
    }
}
