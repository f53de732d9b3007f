package io.github.natsjetstream.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * What the instances of a run recorded, read from their record files: every handling of a
 * message, by id, instance and time. Counting by id tells what was handled, what was
 * handled more than once, and what never was.
 */
final class Ledger {

	private static final String SUFFIX = ".handled";

	private final List<Handling> handlings;

	private final List<Start> starts;

	private Ledger(List<Handling> handlings, List<Start> starts) {
		this.handlings = handlings;
		this.starts = starts;
	}

	static Path recordFile(Path dir, String instance) {
		return dir.resolve(instance + SUFFIX);
	}

	/**
	 * Read every record file of the run.
	 * @param dir the run's directory
	 * @return the ledger
	 */
	static Ledger read(Path dir) {
		List<Handling> handlings = new ArrayList<>();
		List<Start> starts = new ArrayList<>();
		for (Path file : recordFiles(dir)) {
			for (String line : lines(file)) {
				// A line is written with one write(2); a torn last line cannot happen, but a
				// line is only taken whole.
				String[] fields = line.split(" ");
				if (fields[0].equals("S") && fields.length == 4) {
					starts.add(new Start(Long.parseLong(fields[1]), fields[2], Long.parseLong(fields[3])));
				}
				else if (fields[0].equals("E") && fields.length == 5) {
					handlings.add(new Handling(Long.parseLong(fields[1]), fields[2], Long.parseLong(fields[3]),
							Long.parseLong(fields[4])));
				}
			}
		}
		handlings.sort(Comparator.comparingLong(Handling::start));
		return new Ledger(handlings, starts);
	}

	/**
	 * Count the messages the run's instances handled so far, without parsing them: for
	 * progress checks while a run goes on.
	 * @param dir the run's directory
	 * @return the number of handlings
	 */
	static long countHandlings(Path dir) {
		long count = 0;
		for (Path file : recordFiles(dir)) {
			try {
				byte[] bytes = Files.readAllBytes(file);
				for (int i = 0; i < bytes.length; i++) {
					if (bytes[i] == 'E' && (i == 0 || bytes[i - 1] == '\n')) {
						count++;
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return count;
	}

	List<Handling> handlings() {
		return this.handlings;
	}

	/**
	 * Return the ids handled at least once.
	 * @return the ids
	 */
	BitSet handledIds() {
		BitSet ids = new BitSet();
		this.handlings.forEach((handling) -> ids.set((int) handling.id()));
		return ids;
	}

	/**
	 * Return the ids acknowledged to the publisher but never handled.
	 * @param acknowledged the ids the server acknowledged
	 * @return the lost ids
	 */
	BitSet lost(BitSet acknowledged) {
		BitSet lost = (BitSet) acknowledged.clone();
		lost.andNot(handledIds());
		return lost;
	}

	/**
	 * Return how many handlings were of a message handled before: handlings less distinct
	 * ids.
	 * @return the number of duplicate handlings
	 */
	int duplicates() {
		return this.handlings.size() - handledIds().cardinality();
	}

	/**
	 * Return the ids handled more than once where both handlings started before the given
	 * time.
	 * @param before epoch milliseconds
	 * @return the ids
	 */
	Set<Long> handledTwiceBefore(long before) {
		Set<Long> seen = new HashSet<>();
		Set<Long> twice = new HashSet<>();
		for (Handling handling : this.handlings) {
			if (handling.start() < before && !seen.add(handling.id())) {
				twice.add(handling.id());
			}
		}
		return twice;
	}

	/**
	 * Return the ids two handlings of which overlapped in time: handled by two workers at
	 * once.
	 * @return the ids
	 */
	Set<Long> handledConcurrently() {
		Map<Long, List<Handling>> byId = new HashMap<>();
		this.handlings.forEach((handling) -> byId.computeIfAbsent(handling.id(), (id) -> new ArrayList<>()).add(handling));
		Set<Long> concurrent = new HashSet<>();
		byId.forEach((id, list) -> {
			for (int i = 1; i < list.size(); i++) {
				if (list.get(i).start() < list.get(i - 1).end()) {
					concurrent.add(id);
				}
			}
		});
		return concurrent;
	}

	/**
	 * Return the first handling that started at or after the given time.
	 * @param after epoch milliseconds
	 * @param instance the instance, or {@code null} for any
	 * @return the start time, or -1 when there is none
	 */
	long firstStartAfter(long after, @Nullable String instance) {
		return this.handlings.stream()
			.filter((handling) -> handling.start() >= after)
			.filter((handling) -> instance == null || handling.instance().equals(instance))
			.mapToLong(Handling::start)
			.min()
			.orElse(-1);
	}

	/**
	 * Return when handling resumed after a fault: the end of the longest pause between
	 * handling starts (the fault counting as one) from the fault until half the messages
	 * not yet handled then had been handled. Messages that the application held when the
	 * fault came are handled on until they run out, so the pause can begin after the fault;
	 * messages redelivered after their ack wait at the end of the run are left out.
	 * @param fault when the fault began, epoch milliseconds
	 * @param messages the number of messages of the run
	 * @return when handling resumed, epoch milliseconds
	 */
	long resumedAfter(long fault, int messages) {
		List<Long> firstStarts = firstStarts();
		long before = firstStarts.stream().filter((start) -> start < fault).count();
		int halfway = (int) Math.min(firstStarts.size() - 1, (before + messages) / 2);
		long until = firstStarts.get(halfway);
		long previous = fault;
		long longest = -1;
		long resumedAt = fault;
		for (Handling handling : this.handlings) {
			if (handling.start() < fault) {
				continue;
			}
			if (handling.start() > until) {
				break;
			}
			if (handling.start() - previous > longest) {
				longest = handling.start() - previous;
				resumedAt = handling.start();
			}
			previous = handling.start();
		}
		return resumedAt;
	}

	private List<Long> firstStarts() {
		Map<Long, Long> first = new HashMap<>();
		this.handlings.forEach((handling) -> first.merge(handling.id(), handling.start(), Math::min));
		return first.values().stream().sorted().toList();
	}

	/**
	 * Return the handlings of the given instance that started before the given time and
	 * have not ended: messages in its hands.
	 * @param instance the instance
	 * @param startedBefore epoch milliseconds
	 * @return the ids
	 */
	List<Long> inHand(String instance, long startedBefore) {
		Set<String> ended = new HashSet<>();
		this.handlings.stream()
			.filter((handling) -> handling.instance().equals(instance))
			.forEach((handling) -> ended.add(handling.id() + "@" + handling.start()));
		return this.starts.stream()
			.filter((start) -> start.instance().equals(instance) && start.start() < startedBefore)
			.filter((start) -> !ended.contains(start.id() + "@" + start.start()))
			.map(Start::id)
			.toList();
	}

	private static List<Path> recordFiles(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> lines(Path file) {
		try {
			String text = Files.readString(file);
			int complete = text.lastIndexOf('\n') + 1;
			return text.substring(0, complete).lines().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One message handled.
	 * @param id the message's id
	 * @param instance the instance that handled it
	 * @param start when its handler started, epoch milliseconds
	 * @param end when its handler returned, epoch milliseconds
	 */
	record Handling(long id, String instance, long start, long end) {
	}

	/**
	 * One handler start.
	 * @param id the message's id
	 * @param instance the instance
	 * @param start when, epoch milliseconds
	 */
	record Start(long id, String instance, long start) {
	}

}
