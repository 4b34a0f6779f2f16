package io.incore.websocket.internal.transport;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ProxyAnswerCheck} in a pipeline of its own, in front of a stand-in for the proxy handler: what Netty's
 * HTTP codec hands on.
 */
class ProxyAnswerCheckTests {

	private final EmbeddedChannel channel = new EmbeddedChannel();

	ProxyAnswerCheckTests() {
		this.channel.pipeline().addLast("proxy", new ChannelInboundHandlerAdapter());
		ProxyAnswerCheck.guard(this.channel.pipeline().context("proxy"));
	}

	@Test
	void anAnswerTheCodecReadPassesAndTheCheckLeavesWithItsEnd() {
		HttpResponse answer = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
		this.channel.writeInbound(answer);
		assertThat(this.channel.pipeline().get(ProxyAnswerCheck.class)).isNotNull();
		this.channel.writeInbound(LastHttpContent.EMPTY_LAST_CONTENT);
		assertThat(this.channel.pipeline().get(ProxyAnswerCheck.class)).isNull();
		ByteBuf tunnel = Unpooled.copiedBuffer("HTTP/1.1 101", StandardCharsets.US_ASCII);
		this.channel.writeInbound(tunnel);
		assertThat((Object) this.channel.readInbound()).isSameAs(answer);
		assertThat((Object) this.channel.readInbound()).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
		assertThat((Object) this.channel.readInbound()).isSameAs(tunnel);
		tunnel.release();
	}

	@Test
	void anAnswerTheCodecCouldNotReadIsTheProxyHandlersFailure() {
		HttpResponse answer = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
		answer.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("No colon found")));
		assertThatExceptionOfType(ProxyAnswerCheck.UnreadableAnswerException.class)
			.isThrownBy(() -> this.channel.writeInbound(answer))
			.withMessage("No colon found");
		assertThat((Object) this.channel.readInbound()).isNull();
		assertThat(this.channel.pipeline().get(ProxyAnswerCheck.class)).isNull();
	}

}
