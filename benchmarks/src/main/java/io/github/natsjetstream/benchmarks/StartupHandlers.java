package io.github.natsjetstream.benchmarks;

import io.github.natsjetstream.annotation.NatsHandler;

/**
 * Fifty idle handlers over the twenty startup streams ({@code startup.sNN.>}): handler
 * {@code hNN} consumes {@code startup.s(NN % 20).hNN}. Written out rather than generated
 * at run time so that the context is what an application would have.
 */
public class StartupHandlers {

	/** How many handlers this class declares. */
	static final int COUNT = 50;

	/** How many streams the handlers spread over. */
	static final int STREAMS = 20;

	private final MessageSink sink;

	StartupHandlers(MessageSink sink) {
		this.sink = sink;
	}

	@NatsHandler("startup.s00.h00")
	void h00(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s01.h01")
	void h01(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s02.h02")
	void h02(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s03.h03")
	void h03(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s04.h04")
	void h04(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s05.h05")
	void h05(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s06.h06")
	void h06(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s07.h07")
	void h07(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s08.h08")
	void h08(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s09.h09")
	void h09(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s10.h10")
	void h10(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s11.h11")
	void h11(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s12.h12")
	void h12(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s13.h13")
	void h13(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s14.h14")
	void h14(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s15.h15")
	void h15(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s16.h16")
	void h16(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s17.h17")
	void h17(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s18.h18")
	void h18(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s19.h19")
	void h19(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s00.h20")
	void h20(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s01.h21")
	void h21(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s02.h22")
	void h22(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s03.h23")
	void h23(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s04.h24")
	void h24(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s05.h25")
	void h25(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s06.h26")
	void h26(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s07.h27")
	void h27(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s08.h28")
	void h28(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s09.h29")
	void h29(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s10.h30")
	void h30(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s11.h31")
	void h31(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s12.h32")
	void h32(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s13.h33")
	void h33(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s14.h34")
	void h34(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s15.h35")
	void h35(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s16.h36")
	void h36(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s17.h37")
	void h37(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s18.h38")
	void h38(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s19.h39")
	void h39(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s00.h40")
	void h40(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s01.h41")
	void h41(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s02.h42")
	void h42(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s03.h43")
	void h43(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s04.h44")
	void h44(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s05.h45")
	void h45(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s06.h46")
	void h46(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s07.h47")
	void h47(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s08.h48")
	void h48(Order order) {
		this.sink.accept(order);
	}

	@NatsHandler("startup.s09.h49")
	void h49(Order order) {
		this.sink.accept(order);
	}

}
