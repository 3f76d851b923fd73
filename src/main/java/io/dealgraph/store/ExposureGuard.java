package io.dealgraph.store;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Refuses to start a listener reachable from other machines without a credential. Everything binds to loopback
 * by default; binding elsewhere is a deliberate choice that must come with a password or token.
 */
public final class ExposureGuard {

    private ExposureGuard() {
    }

    static void checkBolt(EmbeddedSettings settings) {
        if (!isLoopback(settings.boltAddress()) && !settings.authEnabled()) {
            throw new UnsafeExposureException(
                    "Bolt is configured to listen on " + settings.boltAddress()
                            + ", which other machines can reach, but the embedded database has no password.",
                    "Set DEALGRAPH_BOLT_PASSWORD to require authentication, or bind Bolt to 127.0.0.1 (DEALGRAPH_BOLT_ADDRESS).");
        }
    }

    public static void checkHttp(String address, String apiToken) {
        if (!isLoopback(address) && (apiToken == null || apiToken.isBlank())) {
            throw new UnsafeExposureException(
                    "The HTTP server is configured to listen on " + address
                            + ", which other machines can reach, but no API token is set.",
                    "Set DEALGRAPH_API_TOKEN (clients then send 'Authorization: Bearer <token>'), "
                            + "or bind HTTP to 127.0.0.1 (DEALGRAPH_HTTP_ADDRESS).");
        }
    }

    /**
     * A server that answers HTTP beyond loopback with a token serves Neo4j Browser to whoever reaches it; the
     * embedded Bolt behind it must then ask for a password too, or Browser (and any local user) would read and write
     * the graph around the token.
     */
    public static void checkBoltBehindToken(String httpAddress, String apiToken, String neo4jUri, String boltPassword) {
        boolean embedded = neo4jUri == null || neo4jUri.isBlank();
        boolean tokenSet = apiToken != null && !apiToken.isBlank();
        if (embedded && tokenSet && !isLoopback(httpAddress) && (boltPassword == null || boltPassword.isEmpty())) {
            throw new UnsafeExposureException(
                    "The HTTP server listens on " + httpAddress + " with an API token, but the embedded Bolt has no "
                            + "password: Neo4j Browser and local users could read and write the graph without the token.",
                    "Set DEALGRAPH_BOLT_PASSWORD (Browser then asks for it; the user is neo4j), "
                            + "or bind HTTP to 127.0.0.1 (DEALGRAPH_HTTP_ADDRESS).");
        }
    }

    public static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false; // unset means "all interfaces" for most servers
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
