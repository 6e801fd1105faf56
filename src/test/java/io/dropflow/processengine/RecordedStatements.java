package io.dropflow.processengine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
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

    /** PostgreSQL's plan for the last statement sent that contains the fragment, with the parameters it was sent with. */
    String explain(String fragment) {
        List<Recorded> sent = List.copyOf(statements);
        Recorded recorded = java.util.stream.IntStream.range(0, sent.size()).mapToObj(i -> sent.get(sent.size() - 1 - i))
                .filter(statement -> statement.sql().contains(fragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement with \"" + fragment + "\" was sent"));
        try (Connection connection = target.getConnection();
                PreparedStatement explain = connection.prepareStatement("explain " + recorded.sql())) {
            for (Map.Entry<Integer, Parameter> parameter : recorded.parameters().entrySet()) {
                parameter.getValue().setter().invoke(explain, parameter.getValue().arguments());
            }
            List<String> plan = new ArrayList<>();
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    plan.add(rows.getString(1));
                }
            }
            return String.join("\n", plan);
        } catch (SQLException | ReflectiveOperationException e) {
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
