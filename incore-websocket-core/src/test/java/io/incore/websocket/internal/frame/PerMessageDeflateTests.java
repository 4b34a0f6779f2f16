package io.incore.websocket.internal.frame;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Negotiating permessage-deflate (RFC 7692 sections 5 and 7.1): the offer, and every kind of answer a server may
 * give, agreed or refused.
 */
class PerMessageDeflateTests {

	private static final PerMessageDeflate.Offer PLAIN = new PerMessageDeflate.Offer(false, false, 0);

	@Test
	void theOfferNamesWhatIsAskedForAndNeverTheClientsWindow() {
		assertThat(PLAIN.header()).isEqualTo("permessage-deflate");
		assertThat(new PerMessageDeflate.Offer(true, true, 10).header()).isEqualTo(
				"permessage-deflate; client_no_context_takeover; server_no_context_takeover; server_max_window_bits=10");
	}

	@Test
	void noAnswerMeansTheServerDeclined() throws Exception {
		assertThat(PerMessageDeflate.accept(PLAIN, List.of())).isNull();
		assertThat(PerMessageDeflate.accept(PLAIN, List.of(" , "))).isNull();
		assertThat(PerMessageDeflate.accept(null, List.of())).isNull();
	}

	@Test
	void everyParameterTheServerMayGiveIsAgreed() throws Exception {
		assertThat(PerMessageDeflate.accept(PLAIN, List.of("permessage-deflate")))
			.isEqualTo(new PerMessageDeflate.Agreement(false, false, 0));
		assertThat(PerMessageDeflate.accept(PLAIN, List.of("Permessage-Deflate ;Server_No_Context_Takeover ; "
				+ "client_no_context_takeover;server_max_window_bits=\"9\"")))
			.satisfies((agreement) -> assertThat(agreement.header()).isEqualTo("permessage-deflate; "
					+ "client_no_context_takeover; server_no_context_takeover; server_max_window_bits=9"))
			.isEqualTo(new PerMessageDeflate.Agreement(true, true, 9));
		assertThat(PerMessageDeflate.accept(new PerMessageDeflate.Offer(false, false, 12),
				List.of("permessage-deflate; server_max_window_bits=12")).serverMaxWindowBits()).isEqualTo(12);
		assertThat(PerMessageDeflate.accept(new PerMessageDeflate.Offer(false, false, 12),
				List.of("permessage-deflate")).serverMaxWindowBits()).as("a window the client can inflate anyway")
			.isZero();
		assertThat(PerMessageDeflate.accept(PLAIN, List.of("permessage-deflate; client_max_window_bits=15")))
			.as("unasked, but the window the client uses anyway")
			.isEqualTo(new PerMessageDeflate.Agreement(false, false, 0));
	}

	@Test
	void answersAClientMustFailTheConnectionFor() {
		refused(PLAIN, "x-webkit-deflate-frame", "not offered");
		refused(null, "permessage-deflate", "not offered");
		refused(PLAIN, "permessage-deflate, permessage-deflate", "more than once");
		refused(PLAIN, "permessage-deflate; client_max_window_bits=14", "limits the client's window");
		refused(PLAIN, "permessage-deflate; client_max_window_bits", "limits the client's window");
		refused(PLAIN, "permessage-deflate; server_max_window_bits", "invalid window");
		refused(PLAIN, "permessage-deflate; server_max_window_bits=7", "invalid window");
		refused(PLAIN, "permessage-deflate; server_max_window_bits=16", "invalid window");
		refused(PLAIN, "permessage-deflate; server_max_window_bits=09", "invalid window");
		refused(new PerMessageDeflate.Offer(false, false, 10), "permessage-deflate; server_max_window_bits=11",
				"larger than the 10 bits");
		refused(PLAIN, "permessage-deflate; server_no_context_takeover=1", "a value");
		refused(PLAIN, "permessage-deflate; client_no_context_takeover; client_no_context_takeover", "repeats");
		refused(PLAIN, "permessage-deflate; mystery", "unknown parameter mystery");
		refused(new PerMessageDeflate.Offer(false, true, 0), "permessage-deflate", "leaves out server_no_context");
		refused(PLAIN, "permessage-deflate; server_max_window_bits=\"1", "malformed");
		refused(PLAIN, "permessage-deflate;", "malformed");
		refused(PLAIN, "permessage-deflate x", "malformed");
	}

	private static void refused(PerMessageDeflate.Offer offer, String answer, String problem) {
		assertThatExceptionOfType(PerMessageDeflate.NegotiationException.class)
			.as(answer)
			.isThrownBy(() -> PerMessageDeflate.accept(offer, List.of(answer)))
			.withMessageContaining(problem);
	}

}
