package com.partnerdesk.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs many calls at the same moment: every thread is started and waits at one latch, which releases them together,
 * so the calls overlap as much as the machine allows. Each call's answer, or what it threw, is returned in order.
 */
public final class Burst {

    private Burst() {
    }

    /** What one call of a burst ended with: its value or what it threw. */
    public record Outcome<T>(T value, Throwable thrown) {
    }

    public static <T> List<Outcome<T>> of(int calls, IntFunction<Callable<T>> call) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(calls);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(calls);
        try {
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                Callable<T> task = call.apply(i);
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    try {
                        return new Outcome<>(task.call(), null);
                    }
                    catch (Exception | AssertionError thrown) {
                        return new Outcome<T>(null, thrown);
                    }
                }));
            }
            ready.await();
            go.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> future : futures) {
                try {
                    outcomes.add(future.get());
                }
                catch (ExecutionException impossible) {
                    throw new IllegalStateException(impossible.getCause());
                }
            }
            return outcomes;
        }
        finally {
            threads.shutdownNow();
        }
    }
}
