/**
 * The performance harness: a Netty echo server and the client drivers measured against it. Run by hand with
 * {@code benchmarks/run.sh}; results are written up in {@code BENCHMARKS.md}.
 */
package io.incore.websocket.benchmarks;
