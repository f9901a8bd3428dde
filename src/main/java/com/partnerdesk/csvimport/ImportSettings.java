package com.partnerdesk.csvimport;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large an import may be and when it leaves the request for the background.
 *
 * @param maxRows                data rows one file may have (R13)
 * @param maxBytes               size one file may have (R13); keep it under the multipart limit so that the reader,
 *                               not the container, says the file is too large
 * @param backgroundAboveBytes   files larger than this are read in the background, with a progress bar
 * @param backgroundAboveRows    imports creating more users than this run in the background
 * @param createChunkRows        users written per statement while creating
 */
@ConfigurationProperties("partnerdesk.import")
public record ImportSettings(
        @DefaultValue("150000") int maxRows,
        @DefaultValue("35MB") DataSize maxBytes,
        @DefaultValue("512KB") DataSize backgroundAboveBytes,
        @DefaultValue("2000") int backgroundAboveRows,
        @DefaultValue("5000") int createChunkRows) {

    public CsvLimits limits() {
        return new CsvLimits(maxRows, maxBytes.toBytes());
    }
}
