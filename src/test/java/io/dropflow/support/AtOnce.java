package io.dropflow.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The same request sent by several clients at the same moment, for races a single client never meets. */
public final class AtOnce {

    private AtOnce() {
    }

    /** Runs {@code request} {@code times} times, all released together; the answers in the order they were started. */
    public static <T> List<T> send(int times, Callable<T> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS)); // a stuck request fails, not hangs
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
