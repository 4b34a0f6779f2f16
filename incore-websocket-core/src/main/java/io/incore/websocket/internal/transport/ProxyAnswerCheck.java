package io.incore.websocket.internal.transport;

import java.io.IOException;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.util.ReferenceCountUtil;

/**
 * Sits between the HTTP codec of Netty's {@link HttpProxyHandler} and the handler itself and turns a proxy's answer
 * that the codec could not read into the handler's failure. Decision: the handler looks at the status of what the
 * codec decoded, never at whether it could be decoded; a head longer than the codec's limit (8 KiB), or with a line
 * that is no header, came to it as a message with the status read so far and nothing after it, and the connection
 * waited for the handshake's timeout. The check leaves the pipeline with the end of the proxy's answer, so the
 * tunnel's bytes do not pass it.
 */
final class ProxyAnswerCheck extends ChannelInboundHandlerAdapter {

	/**
	 * Puts a check in front of a proxy handler that is in its pipeline already (and so has added its codec).
	 * @param context the proxy handler's context
	 */
	static void guard(ChannelHandlerContext context) {
		context.pipeline().addBefore(context.name(), null, new ProxyAnswerCheck());
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpObject part) {
			DecoderResult result = part.decoderResult();
			if (result.isFailure()) {
				ctx.pipeline().remove(this);
				ReferenceCountUtil.release(msg);
				ctx.fireExceptionCaught(new UnreadableAnswerException(result.cause()));
				return;
			}
			if (msg instanceof LastHttpContent) {
				ctx.pipeline().remove(this);
			}
		}
		ctx.fireChannelRead(msg);
	}

	/**
	 * A proxy's answer that is not HTTP as Netty's codec reads it, or is longer than it reads.
	 */
	static final class UnreadableAnswerException extends IOException {

		UnreadableAnswerException(Throwable cause) {
			super(cause.getMessage(), cause);
		}

	}

}
