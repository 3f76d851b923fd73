package io.dealgraph.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.neo4j.driver.Driver;

/**
 * A {@link Driver} that builds the real one the first time it is used. The embedded database's Bolt port is only
 * known once it has started, and Spring Boot's driver asks for it when the bean is made: every controller and
 * service that takes a driver would wait there, on the main thread, for Neo4j's start. Behind this proxy they are
 * built while Neo4j starts, and the first query (the schema migration, just before the web server opens) waits
 * instead. Closing a driver that was never used does not start one.
 */
final class DriverOnFirstUse implements InvocationHandler {

    private final Supplier<Driver> factory;
    private volatile Driver driver;

    private DriverOnFirstUse(Supplier<Driver> factory) {
        this.factory = factory;
    }

    static Driver of(Supplier<Driver> factory) {
        return (Driver) Proxy.newProxyInstance(Driver.class.getClassLoader(), new Class<?>[] {Driver.class},
                new DriverOnFirstUse(factory));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        switch (method.getName()) {
            case "equals" -> {
                return proxy == args[0];
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "toString" -> {
                Driver built = driver;
                return built == null ? "Driver (not built yet: waits for the embedded database)" : built.toString();
            }
            case "close", "closeAsync" -> {
                if (driver == null) {
                    return "close".equals(method.getName()) ? null : CompletableFuture.completedFuture(null);
                }
            }
            default -> {
            }
        }
        try {
            return method.invoke(driver(), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Driver driver() {
        Driver built = driver;
        if (built == null) {
            synchronized (this) {
                built = driver;
                if (built == null) {
                    built = factory.get();
                    driver = built;
                }
            }
        }
        return built;
    }
}
