package io.dropflow.partners;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * What went wrong on the way to a partner, in words an operator understands, for the texts of a failed call (a job's
 * failure, an incident in Cockpit, a log line). The JDK's HTTP client tells a refused connection or an unknown host
 * by exceptions without any message ({@code ConnectException} over {@code ClosedChannelException} or
 * {@code UnresolvedAddressException}), and Spring's {@code ResourceAccessException} then reads
 * {@code I/O error on POST request for "…": null}: an incident ended in ": null" where "connection refused" belongs.
 * This walks the cause chain and names what happened and the host called, e.g. "connection refused by
 * 127.0.0.1:18999", "unknown host shop.myshopify.com", "no answer from api.17track.net in time"; a failure it does
 * not know is named by its innermost cause's class and message, never "null".
 */
public final class CallFailure {

    private CallFailure() {
    }

    /**
     * @param failure what the HTTP client threw (any wrapper of it)
     * @param called the address called (its host and port are named); null if unknown
     * @return e.g. "connection refused by 127.0.0.1:18999"
     */
    public static String why(Throwable failure, URI called) {
        return why(failure, host(called));
    }

    /**
     * @param host the host called, with its port if not the scheme's; null if unknown
     */
    public static String why(Throwable failure, String host) {
        String at = host == null || host.isBlank() ? "the partner" : host;
        Throwable innermost = failure;
        Throwable described = null;
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            innermost = t;
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown host " + at + " (its name could not be resolved)";
            }
            if (described == null && (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException || t instanceof HttpTimeoutException
                    || t instanceof SocketTimeoutException || t instanceof SSLException)) {
                described = t; // the outermost of these; an unknown host further in still wins
            }
        }
        if (described instanceof HttpConnectTimeoutException
                || described instanceof SocketTimeoutException && said(described, "connect")) {
            return "no connection to " + at + " in time (connect timeout)";
        }
        if (described instanceof HttpTimeoutException || described instanceof SocketTimeoutException) {
            return "no answer from " + at + " in time (read timeout)";
        }
        if (described instanceof NoRouteToHostException) {
            return "no route to " + at + " (network unreachable)";
        }
        if (described instanceof ConnectException) {
            String message = innermostMessage(described);
            return message == null || message.toLowerCase(java.util.Locale.ROOT).contains("refused")
                    ? "connection refused by " + at : "no connection to " + at + ": " + message;
        }
        if (described instanceof SSLException) {
            String message = innermostMessage(described);
            return "TLS with " + at + " failed" + (message == null ? "" : ": " + message);
        }
        String message = innermostMessage(failure);
        return innermost.getClass().getSimpleName() + " calling " + at + (message == null ? "" : ": " + message);
    }

    /**
     * What kind of failure it was, for the partner-call metric's {@code code} tag (docs/partners/README.md): the
     * same reading as {@link #why}, in one word. A refused connection is no timeout (exploratory s16 ops, 5).
     *
     * @return {@code unknown-host}, {@code refused}, {@code unreachable} (no route, or a connection failing otherwise),
     *     {@code connect-timeout}, {@code timeout} (no answer in time), {@code tls}, or {@code io-error}
     */
    public static String code(Throwable failure) {
        Throwable described = null;
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "unknown-host";
            }
            if (described == null && (t instanceof HttpConnectTimeoutException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException || t instanceof HttpTimeoutException
                    || t instanceof SocketTimeoutException || t instanceof SSLException)) {
                described = t;
            }
        }
        if (described instanceof HttpConnectTimeoutException
                || described instanceof SocketTimeoutException && said(described, "connect")) {
            return "connect-timeout";
        }
        if (described instanceof HttpTimeoutException || described instanceof SocketTimeoutException) {
            return "timeout";
        }
        if (described instanceof NoRouteToHostException) {
            return "unreachable";
        }
        if (described instanceof ConnectException) {
            String message = innermostMessage(described);
            return message == null || message.toLowerCase(java.util.Locale.ROOT).contains("refused") ? "refused"
                    : "unreachable";
        }
        return described instanceof SSLException ? "tls" : "io-error";
    }

    /** The codes of {@link #code}: the partner was not reached, or did not answer; nothing it said. */
    public static final Set<String> NOT_REACHED = Set.of("unknown-host", "refused", "unreachable", "connect-timeout",
            "timeout", "tls", "io-error");

    /** host:port of an address (the port only when it names one), or null. */
    public static String host(URI called) {
        if (called == null || called.getHost() == null) {
            return null;
        }
        return called.getPort() == -1 ? called.getHost() : called.getHost() + ":" + called.getPort();
    }

    private static boolean said(Throwable t, String word) {
        return t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains(word);
    }

    /** The message of the innermost cause that has one, from {@code from} in (Spring's "…: null" ones skipped). */
    private static String innermostMessage(Throwable from) {
        String found = null;
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = from; t != null && seen.add(t); t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && !message.endsWith(": null") && !message.equals("null")) {
                found = message;
            }
        }
        return found;
    }
}
