package io.incore.websocket.boot.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.incore.websocket.Compression;
import io.incore.websocket.HttpProxy;
import io.incore.websocket.InboundLimits;
import io.incore.websocket.ReconnectPolicy;
import io.incore.websocket.SendBuffer;
import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.WebSocketClientCustomizer;
import io.incore.websocket.boot.WebSocketClients;
import io.incore.websocket.boot.WebSocketClientsLifecycle;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link IncoreWebSocketAutoConfiguration}. Clients are configured with {@code auto-connect: false} so
 * that nothing touches the network.
 */
class IncoreWebSocketAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IncoreWebSocketAutoConfiguration.class, SslAutoConfiguration.class))
		.withPropertyValues("incore.websocket.defaults.auto-connect=false");

	@Test
	void createsOneWebSocketBeanPerClientAndTheRegistry() {
		this.contextRunner
			.withPropertyValues("incore.websocket.clients.quotes.url=ws://127.0.0.1:9/quotes",
					"incore.websocket.clients.news.url=wss://news.example.org/feed")
			.run((context) -> {
				assertThat(context).hasSingleBean(WebSocketClients.class).hasSingleBean(WebSocketClientsLifecycle.class);
				assertThat(context.getBeansOfType(WebSocket.class)).containsOnlyKeys("quotes", "news");
				WebSocketClients clients = context.getBean(WebSocketClients.class);
				assertThat(clients.asMap()).containsOnlyKeys("quotes", "news");
				assertThat(context.getBean("quotes")).isSameAs(clients.get("quotes"));
				assertThat(clients.get("news").getUrl()).isEqualTo("wss://news.example.org/feed");
				assertThat(clients.get("news").getObjectId()).isEqualTo("news");
			});
	}

	@Test
	void mergesEachClientsSettingsOverTheDefaults() {
		this.contextRunner.withPropertyValues("incore.websocket.defaults.handshake-timeout=3s",
				"incore.websocket.defaults.headers.X-Team=blue", "incore.websocket.defaults.reconnect.max-delay=1m",
				"incore.websocket.defaults.sub-protocol=v1", "incore.websocket.clients.a.url=ws://h/a",
				"incore.websocket.clients.a.handshake-timeout=7s", "incore.websocket.clients.a.headers.X-Id=a",
				"incore.websocket.clients.a.inbound.policy=fail", "incore.websocket.clients.a.max-message-size=1MB",
				"incore.websocket.clients.a.heartbeat.interval=15s", "incore.websocket.clients.a.inline-delivery=true",
				"incore.websocket.defaults.tcp-no-delay=false", "incore.websocket.clients.b.url=ws://h/b",
				"incore.websocket.clients.b.sub-protocol=v2", "incore.websocket.clients.b.tcp-no-delay=true",
				"incore.websocket.clients.a.coalesce-sends=false", "incore.websocket.defaults.heartbeat.max-missed=3")
			.run((context) -> {
				WebSocket a = context.getBean("a", WebSocket.class);
				WebSocket b = context.getBean("b", WebSocket.class);
				assertThat(a.getOptions().handshakeTimeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(b.getOptions().handshakeTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(a.getOptions().headers()).isEqualTo(Map.of("X-Team", "blue", "X-Id", "a"));
				assertThat(a.getOptions().reconnect().maxDelay()).isEqualTo(Duration.ofMinutes(1));
				assertThat(a.getOptions().inbound().policy()).isEqualTo(InboundLimits.OverflowPolicy.FAIL);
				assertThat(a.getOptions().maxMessageSize()).isEqualTo(1024 * 1024);
				assertThat(a.getOptions().heartbeat().interval()).isEqualTo(Duration.ofSeconds(15));
				assertThat(a.getOptions().heartbeat().timeout()).isEqualTo(Duration.ofSeconds(10));
				assertThat(a.getOptions().heartbeat().maxMissed()).isEqualTo(3);
				assertThat(b.getOptions().heartbeat()).isNull();
				assertThat(a.getOptions().inlineDelivery()).isTrue();
				assertThat(b.getOptions().inlineDelivery()).isFalse();
				assertThat(a.getOptions().tcpNoDelay()).isFalse();
				assertThat(b.getOptions().tcpNoDelay()).isTrue();
				assertThat(a.getOptions().coalesceSends()).isFalse();
				assertThat(b.getOptions().coalesceSends()).isTrue();
				assertThat(a.getSubProtocol()).isEqualTo("v1");
				assertThat(b.getSubProtocol()).isEqualTo("v2");
				assertThat(a.isAutoConnect()).isFalse();
				assertThat(b.getOptions().closeTimeout()).isEqualTo(Duration.ofSeconds(5));
			});
	}

	@Test
	void theSendBufferIsOnOnceABoundIsSetAndConnectMessagesComeFromTheSettings() {
		this.contextRunner.withPropertyValues("incore.websocket.defaults.on-connect.send[0]=hello",
				"incore.websocket.clients.a.url=ws://h/a", "incore.websocket.clients.a.send-buffer.max-messages=5",
				"incore.websocket.clients.a.on-connect.send[0]=subscribe:quotes",
				"incore.websocket.clients.a.on-connect.send[1]=subscribe:news", "incore.websocket.clients.b.url=ws://h/b",
				"incore.websocket.clients.b.send-buffer.max-bytes=2KB",
				"incore.websocket.clients.b.send-buffer.overflow=drop-oldest", "incore.websocket.clients.c.url=ws://h/c")
			.run((context) -> {
				WebSocket a = context.getBean("a", WebSocket.class);
				WebSocket b = context.getBean("b", WebSocket.class);
				WebSocket c = context.getBean("c", WebSocket.class);
				assertThat(a.getOptions().sendBuffer()).isEqualTo(new SendBuffer(5, 1024 * 1024, SendBuffer.Overflow.REJECT));
				assertThat(b.getOptions().sendBuffer())
					.isEqualTo(new SendBuffer(1024, 2048, SendBuffer.Overflow.DROP_OLDEST));
				assertThat(c.getOptions().sendBuffer()).as("off unless a bound is set").isNull();
				assertThat(a.getOptions().connectMessages().messages(a)).containsExactly("subscribe:quotes",
						"subscribe:news");
				assertThat(b.getOptions().connectMessages().messages(b)).containsExactly("hello");
			});
	}

	@Test
	void compressionIsOfferedByDefaultAndSetFromTheDefaultsOrTheClient() {
		this.contextRunner.withPropertyValues("incore.websocket.defaults.compression.threshold=1KB",
				"incore.websocket.clients.a.url=ws://h/a", "incore.websocket.clients.a.compression.enabled=false",
				"incore.websocket.clients.b.url=ws://h/b", "incore.websocket.clients.b.compression.threshold=0B",
				"incore.websocket.clients.b.compression.client-no-context-takeover=true",
				"incore.websocket.clients.b.compression.server-no-context-takeover=true",
				"incore.websocket.clients.b.compression.server-max-window-bits=10",
				"incore.websocket.clients.c.url=ws://h/c")
			.run((context) -> {
				assertThat(context.getBean("a", WebSocket.class).getOptions().compression())
					.isEqualTo(new Compression(false, 1024, false, false, 0));
				assertThat(context.getBean("b", WebSocket.class).getOptions().compression())
					.isEqualTo(new Compression(true, 0, true, true, 10));
				assertThat(context.getBean("c", WebSocket.class).getOptions().compression())
					.isEqualTo(new Compression(true, 1024, false, false, 0));
			});
	}

	@Test
	void anInvalidCompressionWindowFailsWithAnAnalysis() {
		assertFailure(this.contextRunner.withPropertyValues("incore.websocket.clients.a.url=ws://h/a",
				"incore.websocket.clients.a.compression.server-max-window-bits=16"),
				"'incore.websocket.clients.a.compression.server-max-window-bits' has an invalid value '16': a DEFLATE "
						+ "window is 8 to 15 bits",
				"a number from 8 to 15");
	}

	@Test
	void aHeaderTheHandshakeSetsFailsWithAnAnalysisThatShowsNoOtherHeader() {
		assertFailure(this.contextRunner.withPropertyValues("incore.websocket.clients.a.url=ws://h/a",
				"incore.websocket.clients.a.headers[Authorization]=Bearer secret-token",
				"incore.websocket.clients.a.headers[Sec-WebSocket-Protocol]=chat"),
				"'incore.websocket.clients.a.headers' has an invalid value 'Sec-WebSocket-Protocol': "
						+ "Sec-WebSocket-Protocol is set by the subProtocol property",
				"Set incore.websocket.clients.a.headers to headers without Sec-WebSocket-Protocol");
		this.contextRunner
			.withPropertyValues("incore.websocket.clients.a.url=ws://h/a",
					"incore.websocket.clients.a.headers[Authorization]=Bearer secret-token",
					"incore.websocket.clients.a.headers[Upgrade]=h2c")
			.run((context) -> assertThat(analyze(context).getDescription()).contains("'Upgrade'")
				.doesNotContain("secret-token"));
	}

	@Test
	void basicAuthAndAnAuthorizationHeaderTogetherFailWithAnAnalysis() {
		assertFailure(this.contextRunner.withPropertyValues("incore.websocket.clients.a.url=ws://h/a",
				"incore.websocket.defaults.headers[authorization]=Bearer t0ken",
				"incore.websocket.clients.a.basic-auth.username=alice",
				"incore.websocket.clients.a.basic-auth.password=s3cr3t"),
				"'incore.websocket.clients.a.basic-auth.username' has an invalid value 'alice': the headers set "
						+ "Authorization too, which basic-auth would replace",
				"Set either incore.websocket.clients.a.basic-auth.username with its password, or an Authorization "
						+ "header, not both");
	}

	@Test
	void aDefaultMaximumBelowAConfiguredMinimumNamesTheMaximum() {
		assertFailure(this.contextRunner.withPropertyValues("incore.websocket.clients.a.url=ws://h/a",
				"incore.websocket.clients.a.reconnect.initial-delay=40s"),
				"'incore.websocket.clients.a.reconnect.max-delay' has an invalid value '30s': it is shorter than the "
						+ "initial delay",
				"Set incore.websocket.clients.a.reconnect.max-delay to at least the initial delay");
	}

	@Test
	void aSizeFromTheDefaultsIsReportedWhereItIsSet() {
		assertFailure(this.contextRunner.withPropertyValues("incore.websocket.clients.a.url=ws://h/a",
				"incore.websocket.defaults.inbound.max-bytes=0B"),
				"'incore.websocket.defaults.inbound.max-bytes' has an invalid value '0B': the size must be positive",
				"Set incore.websocket.defaults.inbound.max-bytes to a size such as 64KB or 16MB");
	}

	@Test
	void aNonPositiveStartupTimeoutFailsWithAnAnalysis() {
		assertFailure(this.contextRunner.withPropertyValues("incore.websocket.clients.a.url=ws://h/a",
				"incore.websocket.clients.a.startup.timeout=0s"),
				"'incore.websocket.clients.a.startup.timeout' has an invalid value '0s'", "a positive duration");
	}

	@Test
	void theStopListOfCloseCodesIsTheDefaultsLessTheRetriedOnesOrAsConfigured() {
		this.contextRunner.withPropertyValues("incore.websocket.clients.a.url=ws://h/a",
				"incore.websocket.clients.a.reconnect.retry-on-close-codes=1008,1003",
				"incore.websocket.clients.b.url=ws://h/b", "incore.websocket.clients.b.reconnect.stop-on-close-codes=4001",
				"incore.websocket.clients.b.reconnect.retry-on-http-statuses=404,503",
				"incore.websocket.clients.c.url=ws://h/c")
			.run((context) -> {
				assertThat(context.getBean("a", WebSocket.class).getOptions().reconnect().stopOnCloseCodes())
					.containsExactlyInAnyOrder(1002, 1007, 1009, 1010);
				assertThat(context.getBean("b", WebSocket.class).getOptions().reconnect().stopOnCloseCodes())
					.containsExactly(4001);
				assertThat(context.getBean("c", WebSocket.class).getOptions().reconnect().stopOnCloseCodes())
					.isEqualTo(ReconnectPolicy.DEFAULT_STOP_ON_CLOSE_CODES);
				assertThat(context.getBean("c", WebSocket.class).getOptions().reconnect().retryOnHttpStatuses())
					.isEqualTo(ReconnectPolicy.DEFAULT_RETRY_ON_HTTP_STATUSES);
				assertThat(context.getBean("b", WebSocket.class).getOptions().reconnect().retryOnHttpStatuses())
					.containsExactlyInAnyOrder(404, 503);
			});
	}

	@Test
	void aCloseCodeOutOfRangeFailsWithAnAnalysis() {
		assertFailure(this.contextRunner.withPropertyValues("incore.websocket.clients.a.url=ws://h/a",
				"incore.websocket.clients.a.reconnect.stop-on-close-codes=999"),
				"'incore.websocket.clients.a.reconnect.stop-on-close-codes' has an invalid value",
				"close codes such as 1008");
	}

	@Test
	void aMissingHeadersProviderBeanFailsWithAnAnalysis() {
		assertFailure(this.contextRunner.withPropertyValues("incore.websocket.clients.a.url=ws://h/a",
				"incore.websocket.clients.a.headers-provider=tokens"),
				"'incore.websocket.clients.a.headers-provider' has an invalid value 'tokens'",
				"Define a HandshakeHeadersProvider bean named 'tokens'");
	}

	@Test
	void noMissedPongFailsWithAnAnalysis() {
		assertFailure(this.contextRunner.withPropertyValues("incore.websocket.clients.a.url=ws://h/a",
				"incore.websocket.clients.a.heartbeat.max-missed=0"),
				"incore.websocket.clients.a.heartbeat.max-missed", "to 1 (the default) or more");
	}

	@Test
	void aSendBufferForNoMessageFailsWithAnAnalysis() {
		assertFailure(this.contextRunner.withPropertyValues("incore.websocket.clients.a.url=ws://h/a",
				"incore.websocket.clients.a.send-buffer.max-messages=0"),
				"incore.websocket.clients.a.send-buffer.max-messages", "to a positive number");
	}

	@Test
	void proxySettingsMergeOverTheDefaultsAndThePasswordIsNeverShown() {
		this.contextRunner.withPropertyValues("incore.websocket.defaults.proxy.host=proxy.internal",
				"incore.websocket.defaults.proxy.port=3128", "incore.websocket.clients.a.url=ws://h/a",
				"incore.websocket.clients.a.proxy.username=alice", "incore.websocket.clients.a.proxy.password=s3cret",
				"incore.websocket.clients.a.proxy.non-proxy-hosts=localhost,*.local",
				"incore.websocket.clients.b.url=ws://h/b")
			.run((context) -> {
				WebSocket a = context.getBean("a", WebSocket.class);
				WebSocket b = context.getBean("b", WebSocket.class);
				assertThat(a.getOptions().proxy()).isEqualTo(new HttpProxy("proxy.internal", 3128, "alice", "s3cret",
						List.of("localhost", "*.local")));
				assertThat(b.getOptions().proxy()).isEqualTo(HttpProxy.of("proxy.internal", 3128));
				assertThat(a.getOptions().toString()).contains("proxy.internal").doesNotContain("s3cret");
			});
	}

	@Test
	void withoutAProxyHostTheJvmsProxySelectorDecides() {
		this.contextRunner.withPropertyValues("incore.websocket.clients.a.url=ws://h/a")
			.run((context) -> assertThat(context.getBean("a", WebSocket.class).getOptions().proxy()).isNull());
	}

	@Test
	void aProxyWithoutPortFailsWithAnAnalysis() {
		assertFailure(this.contextRunner.withPropertyValues("incore.websocket.clients.a.url=ws://h/a",
				"incore.websocket.clients.a.proxy.host=proxy.internal"),
				"'incore.websocket.clients.a.proxy.port'",
				"Set incore.websocket.clients.a.proxy.port to the proxy's port, e.g. 3128");
	}

	@Test
	void aProxyPasswordWithoutUserFailsWithAnAnalysisThatDoesNotShowIt() {
		this.contextRunner
			.withPropertyValues("incore.websocket.clients.a.url=ws://h/a",
					"incore.websocket.clients.a.proxy.host=proxy.internal", "incore.websocket.clients.a.proxy.port=3128",
					"incore.websocket.clients.a.proxy.password=s3cret")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(analyze(context).getDescription()).contains("incore.websocket.clients.a.proxy.password")
					.doesNotContain("s3cret");
			});
	}

	@Test
	void enabledFalseCreatesNothing() {
		this.contextRunner
			.withPropertyValues("incore.websocket.enabled=false", "incore.websocket.clients.a.url=ws://h/a")
			.run((context) -> assertThat(context).doesNotHaveBean(WebSocketClients.class)
				.doesNotHaveBean(WebSocket.class));
	}

	@Test
	void backsOffWithoutTyrus() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.glassfish.tyrus"))
			.withPropertyValues("incore.websocket.clients.a.url=ws://h/a")
			.run((context) -> assertThat(context).doesNotHaveBean(WebSocketClients.class));
	}

	@Test
	void worksWithoutActuatorOnTheClasspath() {
		this.contextRunner
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate",
					"org.springframework.boot.health", "io.micrometer"))
			.withPropertyValues("incore.websocket.clients.a.url=ws://h/a")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(WebSocketClients.class));
	}

	@Test
	void aClientBeanOfTheApplicationReplacesTheConfiguredOne() {
		this.contextRunner.withUserConfiguration(UserClientConfiguration.class)
			.withPropertyValues("incore.websocket.clients.mine.url=ws://h/ignored",
					"incore.websocket.clients.other.url=ws://h/other")
			.run((context) -> {
				WebSocket mine = context.getBean("mine", WebSocket.class);
				assertThat(mine.getUrl()).isEqualTo("ws://user/defined");
				assertThat(context.getBean(WebSocketClients.class).get("mine")).isSameAs(mine);
				assertThat(context.getBean(WebSocketClients.class).get("other").getUrl()).isEqualTo("ws://h/other");
			});
	}

	@Test
	void aRegistryOfTheApplicationReplacesOurs() {
		this.contextRunner.withUserConfiguration(UserRegistryConfiguration.class)
			.run((context) -> assertThat(context).getBean(WebSocketClients.class)
				.isSameAs(context.getBean(UserRegistryConfiguration.class).registry));
	}

	@Test
	void customizersAreAppliedPerClient() {
		this.contextRunner.withUserConfiguration(CustomizerConfiguration.class)
			.withPropertyValues("incore.websocket.clients.a.url=ws://h/a", "incore.websocket.clients.b.url=ws://h/b")
			.run((context) -> {
				assertThat(context.getBean("a", WebSocket.class).getOptions().headers()).containsEntry("X-Client", "a");
				assertThat(context.getBean("b", WebSocket.class).getOptions().headers()).containsEntry("X-Client", "b");
			});
	}

	@Test
	void clientsAreCompletedWhenTheContextStartsNotDuringBeanCreation() {
		this.contextRunner.withUserConfiguration(CompletionProbeConfiguration.class)
			.withPropertyValues("incore.websocket.clients.a.url=ws://h/a")
			.run((context) -> {
				assertThat(context.getBean(CompletionProbe.class).completedAtCreation).isFalse();
				assertThat(context.getBean("a", WebSocket.class).isCompleted()).isTrue();
			});
	}

	@Test
	void missingUrlFailsWithAnAnalysis() {
		assertFailure(this.contextRunner.withPropertyValues("incore.websocket.clients.feed.auto-open=true"),
				"'incore.websocket.clients.feed.url' has an invalid value (not set): the URL of the server is missing",
				"Set incore.websocket.clients.feed.url to the server's URL");
	}

	@Test
	void unsupportedSchemeFailsWithAnAnalysis() {
		assertFailure(this.contextRunner.withPropertyValues("incore.websocket.clients.feed.url=http://h/feed"),
				"'incore.websocket.clients.feed.url' has an invalid value 'http://h/feed': Unsupported URL scheme 'http'",
				"to a ws:// or wss:// URL");
	}

	@Test
	void malformedUrlFailsWithAnAnalysis() {
		assertFailure(this.contextRunner.withPropertyValues("incore.websocket.clients.feed.url=ws://h:99999/x"),
				"'incore.websocket.clients.feed.url' has an invalid value 'ws://h:99999/x': Invalid URL",
				"Set incore.websocket.clients.feed.url");
	}

	@Test
	void credentialsInAnInvalidUrlAreRedacted() {
		this.contextRunner
			.withPropertyValues("incore.websocket.clients.feed.url=http://bob:s3cr3t@h/feed?token=abc&jwt=def&tenant=acme",
					"incore.websocket.defaults.redacted-names=tenant")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("token=***&jwt=***&tenant=***")
					.doesNotContain("s3cr3t", "abc", "def", "acme");
				assertThat(context.getStartupFailure()).rootCause().message().doesNotContain("s3cr3t", "abc", "def", "acme");
			});
	}

	@Test
	void nonPositiveDurationFailsWithAnAnalysis() {
		assertFailure(this.contextRunner.withPropertyValues("incore.websocket.clients.feed.url=ws://h/feed",
				"incore.websocket.defaults.close-timeout=-1s"),
				"'incore.websocket.defaults.close-timeout' has an invalid value '-1s': the duration must be positive",
				"Set incore.websocket.defaults.close-timeout to a positive duration");
	}

	@Test
	void zeroReconnectDelayFailsWithAnAnalysis() {
		assertFailure(this.contextRunner.withPropertyValues("incore.websocket.clients.feed.url=ws://h/feed",
				"incore.websocket.clients.feed.reconnect.initial-delay=0s"),
				"'incore.websocket.clients.feed.reconnect.initial-delay' has an invalid value '0s'",
				"to a positive duration");
	}

	@Test
	void multiplierBelowOneFailsWithAnAnalysis() {
		assertFailure(this.contextRunner.withPropertyValues("incore.websocket.clients.feed.url=ws://h/feed",
				"incore.websocket.clients.feed.reconnect.multiplier=0.5"),
				"'incore.websocket.clients.feed.reconnect.multiplier' has an invalid value '0.5': the delay must not "
						+ "shrink",
				"Set incore.websocket.clients.feed.reconnect.multiplier to 1 or more");
	}

	@Test
	void unknownSslBundleFailsWithAnAnalysis() {
		assertFailure(this.contextRunner.withPropertyValues("incore.websocket.clients.feed.url=wss://h/feed",
				"incore.websocket.clients.feed.ssl.bundle=missing"),
				"'incore.websocket.clients.feed.ssl.bundle' has an invalid value 'missing': there is no SSL bundle of "
						+ "that name",
				"Define spring.ssl.bundle.pem.missing.*");
	}

	@Test
	void invalidClientNameFailsWithAnAnalysis() {
		assertFailure(this.contextRunner.withPropertyValues("incore.websocket.clients.9lives.url=ws://h/feed"),
				"'incore.websocket.clients.9lives' has an invalid value '9lives': the client name is used as the bean "
						+ "name",
				"Rename the client");
	}

	@Test
	void nothingConnectsWhenAnyClientIsInvalid() throws IOException {
		try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			server.setSoTimeout(1000);
			String good = "incore.websocket.clients.good.url=ws://127.0.0.1:" + server.getLocalPort() + "/x";
			this.contextRunner.withPropertyValues(good, "incore.websocket.clients.good.auto-connect=true")
				.run((context) -> assertThat(context).hasNotFailed());
			try (Socket connected = server.accept()) {
				assertThat(connected.isConnected()).as("control: the valid client alone does connect").isTrue();
			}
			this.contextRunner
				.withPropertyValues(good, "incore.websocket.clients.good.auto-connect=true",
						"incore.websocket.clients.bad.url=http://h/x")
				.run((context) -> assertThat(context).hasFailed());
			assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(server::accept);
		}
	}

	private void assertFailure(ApplicationContextRunner runner, String description, String action) {
		runner.run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context);
			assertThat(analysis.getDescription()).contains(description);
			assertThat(analysis.getAction()).contains(action);
		});
	}

	private static FailureAnalysis analyze(AssertableApplicationContext context) {
		FailureAnalysis analysis = new InvalidWebSocketClientPropertyFailureAnalyzer()
			.analyze(context.getStartupFailure());
		assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserClientConfiguration {

		@Bean
		WebSocket mine() {
			WebSocket socket = new WebSocket(null);
			socket.setUrl("ws://user/defined");
			socket.setAutoConnect(false);
			return socket;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserRegistryConfiguration {

		final WebSocketClients registry = new WebSocketClients(Map.of());

		@Bean
		WebSocketClients webSocketClients() {
			return this.registry;
		}

	}

	record CompletionProbe(boolean completedAtCreation) {
	}

	@Configuration(proxyBeanMethods = false)
	static class CompletionProbeConfiguration {

		@Bean
		CompletionProbe completionProbe(WebSocketClients clients) {
			return new CompletionProbe(clients.get("a").isCompleted());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		WebSocketClientCustomizer tagClients() {
			return (name, options) -> options.header("X-Client", name);
		}

	}

}
