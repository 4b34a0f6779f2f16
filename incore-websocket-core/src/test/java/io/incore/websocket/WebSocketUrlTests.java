package io.incore.websocket;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WebSocketUrl}'s redaction: by the look of a name, by a configured list, user info and the
 * fragment.
 */
class WebSocketUrlTests {

	@ParameterizedTest
	@ValueSource(strings = { "token", "access_token", "jwt", "bearer", "ticket", "api_key", "apiKey", "secret",
			"sig", "signature", "password", "passcode", "pwd", "auth", "oauth_verifier", "session", "JSESSIONID",
			"credential", "X-Amz-Signature", "cookie" })
	void parametersThatLookLikeCredentialsAreRedacted(String name) {
		String url = "wss://feed.example.org/ws?channel=quotes&" + name + "=s3cr3t&depth=5";
		assertThat(WebSocketUrl.redact(url))
			.isEqualTo("wss://feed.example.org/ws?channel=quotes&" + name + "=***&depth=5");
	}

	@Test
	void otherParametersAreShown() {
		String url = "ws://h/ws?channel=quotes;depth=5&flag";
		assertThat(WebSocketUrl.redact(url)).isEqualTo(url);
	}

	@Test
	void theFragmentAndTheUserInfoAreRedacted() {
		assertThat(WebSocketUrl.redact("ws://alice:pw@h:80/ws?x=1#token=s3cr3t")).isEqualTo("ws://***@h:80/ws?x=1#***");
		assertThat(WebSocketUrl.redact("ws://h/ws#")).isEqualTo("ws://h/ws#");
	}

	@Test
	void configuredNamesAreRedactedInAnyCase() {
		assertThat(WebSocketUrl.redact("ws://h/ws?Tenant=acme&x=1", Set.of("tenant"))).isEqualTo("ws://h/ws?Tenant=***&x=1");
	}

	@Test
	void aFragmentMarkerInsideTheQueryEndsIt() {
		assertThat(WebSocketUrl.redact("ws://h/ws?a=1#jwt=abc&b=2")).isEqualTo("ws://h/ws?a=1#***");
	}

	@Test
	void invalidUrlsAreRedactedInTheCheckMessage() {
		WebSocketUrl.Check check = WebSocketUrl.check("http://h/ws?tenant=acme&jwt=abc", Set.of("tenant"));
		assertThat(check.valid()).isFalse();
		assertThat(check.message()).contains("tenant=***").contains("jwt=***").doesNotContain("acme").doesNotContain("abc");
	}

	@Test
	void optionsShowNoCredentialHeader() {
		WebSocketOptions options = WebSocketOptions.builder()
			.header("Authorization", "Bearer s3cr3t")
			.header("X-Upstream-Ticket", "t1ck3t")
			.header("X-Tenant", "acme")
			.header("Accept-Language", "en")
			.redactedNames(Set.of("X-Tenant"))
			.build();
		assertThat(options.toString()).doesNotContain("s3cr3t").doesNotContain("t1ck3t").doesNotContain("acme")
			.contains("Accept-Language=en");
	}

}
