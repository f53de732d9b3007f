package io.github.natsjetstream.docs.samples.failurehandling;

import io.github.natsjetstream.retry.DeadLetterReplayer;
import io.github.natsjetstream.retry.ReplayRequest;

class Replays {

	void replay(DeadLetterReplayer replayer) {
		// tag::replay[]
		replayer.replay(ReplayRequest.all());
		replayer.replay(ReplayRequest.ofConsumer("shop-orderHandlers-onCreated"));
		replayer.replay(ReplayRequest.ofSequences(120, 180));
		// end::replay[]
	}

}
