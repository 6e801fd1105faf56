package io.dropflow.processengine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;

/**
 * A data source that remembers every prepared statement the engine sends, with its parameters, so
 * that a test can ask PostgreSQL how it plans the engine's own SQL rather than a copy of it.
 */
final class RecordedStatements {

    private record Parameter(Method setter, Object[] arguments) {
    }

    private record Recorded(String sql, Map<Integer, Parameter> parameters) {
    }

    private final DataSource target;
    private final List<Recorded> statements = new CopyOnWriteArrayList<>();

    RecordedStatements(DataSource target) {
        this.target = target;
    }

    DataSource dataSource() {
        return proxy(DataSource.class, target, (method, arguments, result) ->
                method.getName().equals("getConnection") ? connection((Connection) result) : result);
    }

    /**
     * PostgreSQL's plan for the last statement sent that contains the fragment, with the parameters it
     * was sent with, under a {@code plan_cache_mode}: "auto" as a server plans a statement for its
     * values, "force_generic_plan" as it may plan one the driver has prepared for all values.
     */
    String explain(String fragment, String planCacheMode) {
        List<Recorded> sent = List.copyOf(statements);
        Recorded recorded = IntStream.range(0, sent.size()).mapToObj(i -> sent.get(sent.size() - 1 - i))
                .filter(statement -> statement.sql().contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement with \"" + fragment + "\" was sent"));
        int[] number = {0};
        String numbered = Pattern.compile("\\?").matcher(recorded.sql()).replaceAll(match -> "\\$" + ++number[0]);
        try (Connection connection = target.getConnection(); Statement session = connection.createStatement()) {
            session.execute("set plan_cache_mode = " + planCacheMode);
            session.execute("prepare recorded_statement as " + numbered);
            // EXECUTE's arguments as literals of the types PostgreSQL inferred: a utility statement's own
            // parameters are not typed when the driver sends it.
            List<String> types = new ArrayList<>();
            try (ResultSet row = session.executeQuery("select unnest(parameter_types)::text from pg_prepared_statements "
                    + "where name = 'recorded_statement'")) {
                while (row.next()) {
                    types.add(row.getString(1));
                }
            }
            List<String> arguments = new ArrayList<>();
            for (int i = 1; i <= types.size(); i++) {
                Parameter parameter = recorded.parameters().get(i);
                Object value = parameter == null || parameter.setter().getName().equals("setNull") ? null
                        : parameter.arguments()[1];
                arguments.add(value == null ? "null::" + types.get(i - 1)
                        : "'" + String.valueOf(value).replace("'", "''") + "'::" + types.get(i - 1));
            }
            List<String> plan = new ArrayList<>();
            try (ResultSet rows = session.executeQuery(
                    "explain execute recorded_statement(" + String.join(", ", arguments) + ")")) {
                while (rows.next()) {
                    plan.add(rows.getString(1));
                }
            }
            return String.join("\n", plan);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot explain " + recorded.sql(), e);
        }
    }

    private Connection connection(Connection connection) {
        return proxy(Connection.class, connection, (method, arguments, result) -> {
            if (method.getName().equals("prepareStatement") && arguments[0] instanceof String sql) {
                Recorded recorded = new Recorded(sql, new TreeMap<>());
                statements.add(recorded);
                return statement((PreparedStatement) result, recorded);
            }
            return result;
        });
    }

    private static PreparedStatement statement(PreparedStatement statement, Recorded recorded) {
        return proxy(PreparedStatement.class, statement, (method, arguments, result) -> {
            if (method.getName().startsWith("set") && arguments != null && arguments.length >= 2
                    && arguments[0] instanceof Integer index) {
                recorded.parameters().put(index, new Parameter(method, arguments.clone()));
            }
            return result;
        });
    }

    private interface AfterCall {
        Object apply(Method method, Object[] arguments, Object result) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, AfterCall after) {
        return type.cast(Proxy.newProxyInstance(RecordedStatements.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, arguments) -> {
                    try {
                        return after.apply(method, arguments, method.invoke(target, arguments));
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }
}
