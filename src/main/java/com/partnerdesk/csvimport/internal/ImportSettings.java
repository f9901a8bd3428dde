package com.partnerdesk.csvimport.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large an import may be and when it leaves the request for the background.
 *
 * @param maxRows                data rows one file may have
 * @param maxBytes               size one file may have; keep it under the multipart limit so that the reader,
 *                               not the container, says the file is too large
 * @param backgroundAboveBytes   files larger than this are read in the background, with a progress bar
 * @param backgroundAboveRows    imports creating more users than this run in the background
 * @param createChunkRows        users written per statement while creating
 * @param lease                  a running import whose heartbeat is older than this is taken over by any instance:
 *                               its instance stopped (docs/decisions/0008)
 * @param heartbeatEvery         how often an instance renews the lease of the imports it runs, and looks for imports
 *                               whose lease ran out; well under {@code lease}
 * @param maxRunning             imports one instance reads or creates at once; 0 means half its connection pool, so
 *                               that pages still get connections while imports run
 */
@ConfigurationProperties("partnerdesk.import")
public record ImportSettings(
        @DefaultValue("150000") int maxRows,
        @DefaultValue("35MB") DataSize maxBytes,
        @DefaultValue("512KB") DataSize backgroundAboveBytes,
        @DefaultValue("2000") int backgroundAboveRows,
        @DefaultValue("5000") int createChunkRows,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("15s") Duration heartbeatEvery,
        @DefaultValue("0") int maxRunning) {

    public CsvLimits limits() {
        return new CsvLimits(maxRows, maxBytes.toBytes());
    }
}
