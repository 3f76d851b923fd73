package io.dealgraph.cli;

import io.dealgraph.extract.RuleBasedExtractor;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.boot.convert.DurationStyle;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values the commands share, each refused with what it should have been. */
final class Converters {

    private Converters() {
    }

    /** {@code 2024-11-22}. */
    static final class Day implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("needs a date YYYY-MM-DD, not '" + value + "'");
            }
        }
    }

    /** A whole number of zero or more; {@code 1_000_000} and {@code 1,000,000} read as a million. */
    static final class Count implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.replace("_", "").replace(",", ""));
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new TypeConversionException("needs a whole number, not '" + value + "'");
        }
    }

    /** A part of the extraction pipeline as the options spell it: {@code ner}, {@code deal-word-parsing}. */
    static final class Part implements ITypeConverter<RuleBasedExtractor.Part> {
        @Override
        public RuleBasedExtractor.Part convert(String value) {
            try {
                return RuleBasedExtractor.Part.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("takes " + names() + ", not '" + value.trim() + "'");
            }
        }

        static String names() {
            return String.join(", ", java.util.Arrays.stream(RuleBasedExtractor.Part.values())
                    .map(p -> p.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
        }
    }

    /** {@code 60s}, {@code 2m}, {@code 500ms}: the durations application.yml takes. */
    static final class Time implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return DurationStyle.detectAndParse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("needs a duration such as 60s or 2m, not '" + value + "'");
            }
        }
    }
}
