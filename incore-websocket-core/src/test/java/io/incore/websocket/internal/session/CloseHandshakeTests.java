package io.incore.websocket.internal.session;

import io.incore.websocket.internal.session.CloseHandshake.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every path through the close handshake, without a socket.
 */
class CloseHandshakeTests {

	private final CloseHandshake handshake = new CloseHandshake();

	@Test
	void clientInitiatedEndsWithTheServersAnswer() {
		assertThat(this.handshake.closeRequested()).isTrue();
		assertThat(this.handshake.canSend()).isFalse();
		assertThat(this.handshake.closeRequested()).as("only one close frame").isFalse();
		assertThat(this.handshake.closeReceived(4001, "ok")).as("closed now").isTrue();
		assertClosedWith(4001, "ok");
	}

	@Test
	void clientInitiatedWithoutAnAnswerEndsAtTheTimeoutAs1006() {
		this.handshake.closeRequested();
		assertThat(this.handshake.timedOut()).isTrue();
		assertClosedWith(1006, "");
		assertThat(this.handshake.closeReceived(1000, "late")).isFalse();
		assertThat(this.handshake.code()).isEqualTo(1006);
	}

	@Test
	void serverInitiatedIsAnsweredWithItsCodeOnceDueAndSendingGoesOnUntilThen() {
		assertThat(this.handshake.closeReceived(1001, "bye")).isFalse();
		assertThat(this.handshake.state()).isEqualTo(State.CLOSE_RECEIVED);
		assertThat(this.handshake.canSend()).as("listeners may still answer the last messages").isTrue();
		assertThat(this.handshake.closeRequested()).as("the answer is on its way").isFalse();
		assertThat(this.handshake.answer()).isEqualTo(1001);
		assertThat(this.handshake.answer()).as("answered once").isEqualTo(-1);
		assertClosedWith(1001, "bye");
	}

	@Test
	void anEmptyCloseFrameIsReportedAs1005AndAnsweredWith1000() {
		this.handshake.closeReceived(1005, "");
		assertThat(this.handshake.answer()).isEqualTo(1000);
		assertClosedWith(1005, "");
	}

	@Test
	void aViolationFailsTheConnectionWithItsCodeOnceDue() {
		assertThat(this.handshake.violated(1002, "masked")).isFalse();
		assertThat(this.handshake.canSend()).isTrue();
		assertThat(this.handshake.answer()).isEqualTo(-1);
		assertThat(this.handshake.fail()).isEqualTo(1002);
		assertThat(this.handshake.fail()).isEqualTo(-1);
		assertClosedWith(1002, "masked");
	}

	@Test
	void aViolationAfterOurCloseFrameEndsAtOnceAs1006() {
		this.handshake.closeRequested();
		assertThat(this.handshake.violated(1007, "not UTF-8")).isTrue();
		assertThat(this.handshake.fail()).isEqualTo(-1);
		assertClosedWith(1006, "");
	}

	@Test
	void theTransportEndingFinishesEveryStateAtOnce() {
		assertThat(this.handshake.transportEnded()).isTrue();
		assertClosedWith(1006, "");
		assertThat(this.handshake.transportEnded()).as("once").isFalse();

		CloseHandshake closing = new CloseHandshake();
		closing.closeRequested();
		assertThat(closing.transportEnded()).as("while waiting for the answer").isTrue();
		assertThat(closing.code()).isEqualTo(1006);

		CloseHandshake answering = new CloseHandshake();
		answering.closeReceived(1000, "done");
		assertThat(answering.transportEnded()).as("before our answer").isTrue();
		assertThat(answering.code()).as("the server's close frame came").isEqualTo(1000);
		assertThat(answering.answer()).isEqualTo(-1);

		CloseHandshake failing = new CloseHandshake();
		failing.violated(1009, "too big");
		assertThat(failing.transportEnded()).isTrue();
		assertThat(failing.code()).as("we failed the connection").isEqualTo(1009);
	}

	private void assertClosedWith(int code, String reason) {
		assertThat(this.handshake.state()).isEqualTo(State.CLOSED);
		assertThat(this.handshake.canSend()).isFalse();
		assertThat(this.handshake.code()).isEqualTo(code);
		assertThat(this.handshake.reason()).isEqualTo(reason);
	}

}
