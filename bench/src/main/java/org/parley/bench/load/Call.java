package org.parley.bench.load;

/** One request of a load: sends it, waits for the answer and says what it was. */
@FunctionalInterface
public interface Call {

    /**
     * @param sequence the request's number in its load, from 0
     * @return the HTTP status of the answer (or what stood for it, e.g. 0 for no answer)
     */
    int send(long sequence) throws Exception;
}
