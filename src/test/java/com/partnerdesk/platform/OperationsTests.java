package com.partnerdesk.platform;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What operators rely on: health and metrics on the management port only, request ids, graceful shutdown. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    Environment environment;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void healthAndPrometheusMetricsAnswerOnTheManagementPort() throws Exception {
        HttpResponse<String> health = get(managementPort, "/actuator/health", null);
        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus", null);

        assertThat(managementPort).isNotEqualTo(port);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections");
    }

    @Test
    void theManagementPortListensOnLoopbackOnly() throws Exception {
        Optional<InetAddress> network = NetworkInterface.networkInterfaces()
            .flatMap(NetworkInterface::inetAddresses)
            .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
            .findFirst();
        assumeTrue(network.isPresent(), "a machine with no network address besides loopback has nothing to test");
        InetAddress external = network.get();

        assertThat(get(managementPort, "/actuator/health", null).statusCode()).isEqualTo(200);
        try (Socket socket = new Socket()) {
            assertThatExceptionOfType(ConnectException.class)
                .isThrownBy(() -> socket.connect(new InetSocketAddress(external, managementPort), 2000));
        }
        try (Socket publicPort = new Socket()) {
            publicPort.connect(new InetSocketAddress(external, port), 2000);
        }
    }

    @Test
    void thePublicPortServesNoActuatorEndpoints() throws Exception {
        for (String path : new String[] { "/actuator/health", "/actuator/prometheus", "/actuator" }) {
            HttpResponse<String> response = get(port, path, null);
            assertThat(response.statusCode()).as(path).isNotEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("\"status\":\"UP\"", "jvm_memory");
        }
    }

    @Test
    void everyResponseCarriesARequestIdAndKeepsAPlausibleOneFromTheProxy() throws Exception {
        String generated = get(port, "/sign-in", null).headers().firstValue("X-Request-Id").orElseThrow();
        String kept = get(port, "/sign-in", "lb-7f3a.42:9").headers().firstValue("X-Request-Id").orElseThrow();
        String forged = get(port, "/sign-in", "evil\"}{log=injection").headers().firstValue("X-Request-Id")
            .orElseThrow();
        String tooLong = get(port, "/sign-in", "a".repeat(65)).headers().firstValue("X-Request-Id").orElseThrow();

        assertThat(generated).matches("[0-9a-f-]{36}");
        assertThat(kept).isEqualTo("lb-7f3a.42:9");
        assertThat(forged).matches("[0-9a-f-]{36}");
        assertThat(tooLong).matches("[0-9a-f-]{36}");
    }

    @Test
    void shutsDownGracefully() {
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase")).isNotBlank();
    }

    private HttpResponse<String> get(int port, String path, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
