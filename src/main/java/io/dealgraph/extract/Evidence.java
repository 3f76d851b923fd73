package io.dealgraph.extract;

/** Evidence quotes as a reader wants them: without list bullets, table bars and emphasis marks at their ends. */
final class Evidence {

    private static final String DEBRIS = "-–—•*·|#>_ \t\r\n";

    private Evidence() {
    }

    /** The span [start, end) of {@code sentence} that remains once debris is cut from both ends. */
    static int[] trim(String sentence) {
        int start = 0;
        int end = sentence.length();
        while (start < end && DEBRIS.indexOf(sentence.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && (DEBRIS.indexOf(sentence.charAt(end - 1)) >= 0)) {
            end--;
        }
        return start < end ? new int[]{start, end} : new int[]{0, sentence.length()};
    }
}
