package dev.quire.cron.sync;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import dev.quire.db.jobs.SyncSource;

/**
 * A CSV file (RFC 4180, Apache Commons CSV): columns named by the header line, or numbered from 1 when the file
 * has none. A missing column in the header is a failure of the whole source; a short row is an invalid line.
 */
final class CsvSource {
    private CsvSource() {
    }

    static SourceReadout read(SyncSource source) throws SourceFailure {
        Path file = Path.of(source.location());
        CSVFormat.Builder format = CSVFormat.RFC4180.builder().setDelimiter(source.delimiter()).setTrim(true)
                .setIgnoreEmptyLines(true);
        if (source.hasHeader()) {
            format.setHeader().setSkipHeaderRecord(true);
        }
        List<SourceEntry> entries = new ArrayList<>();
        List<InvalidLine> invalid = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(format.get()).get()) {
            int addressColumn = column(source, parser, source.addressColumn(), "address_column");
            int nameColumn = source.nameColumn() == null
                    ? -1
                    : column(source, parser, source.nameColumn(),
                            "name_column");
            long offset = source.hasHeader() ? 1 : 0;
            for (CSVRecord row : parser) {
                long line = row.getRecordNumber() + offset;
                if (row.size() <= addressColumn) {
                    invalid.add(new InvalidLine(source.name(), line, String.join(",", row.values()),
                            "no column " + source.addressColumn()));
                    continue;
                }
                String name = nameColumn >= 0 && row.size() > nameColumn ? row.get(nameColumn) : null;
                Lines.add(source.name(), line, row.get(addressColumn), name, entries, invalid);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new SourceFailure(source.name() + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        return new SourceReadout(entries, invalid);
    }

    /** The 0-based index of a column given by header name or by 1-based number. */
    private static int column(SyncSource source, CSVParser parser, String column, String key) throws SourceFailure {
        if (column == null || column.isBlank()) {
            throw new SourceFailure(source.name() + ": " + key + " is not set");
        }
        if (source.hasHeader()) {
            Map<String, Integer> header = parser.getHeaderMap();
            Integer index = header == null ? null : header.get(column);
            if (index == null) {
                throw new SourceFailure(source.name() + ": the header of " + source.location() + " has no column '"
                        + column + "' (it has " + (header == null ? "none" : header.keySet()) + ")");
            }
            return index;
        }
        try {
            int number = Integer.parseInt(column.strip());
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number - 1;
        } catch (NumberFormatException e) {
            throw new SourceFailure(source.name() + ": " + key + " must be a column number from 1 without a header: "
                    + column);
        }
    }
}
