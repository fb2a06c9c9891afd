/// Writes a China Post international mail query page (HTML, GBK or UTF-8 as its `<meta>` says, in Chinese or
/// English) for a generated ePacket. On a two-leg ePacket to the US it shows China Post's scans up to the arrival in
/// the US (and the final return to the sender); USPS shows the rest.
enum ChinaPostPageRenderer {
    static func render(_ plan: ParcelPlan, events: [TimelineEvent]) -> [UInt8] {
        var writer = PageWriter(capacity: 48 * 1_024, isGBK: plan.isGBK)
        var random = SplitMix64(seed: plan.pageSeed)
        writer.append(ChinaPostPageParts.doctype)
        writer.append(plan.isGBK ? ChinaPostPageParts.metaGBK : ChinaPostPageParts.metaUTF8)
        writer.append(ChinaPostPageParts.head)
        writer.append(ChinaPostPageParts.queryStart)
        writer.appendEscaped(plan.number)
        writer.append("</span></div>\n")
        writer.append(Self.queryDateLabel)
        writer.appendEscaped(plan.simulatedDate.description)
        writer.append("</div>\n")

        switch plan.stage {
        case .notFound:
            writer.append(plan.isEnglish ? ChinaPostPageParts.notFoundEnglish : ChinaPostPageParts.notFoundChinese)
        case .pending:
            writer.append(plan.isEnglish ? ChinaPostPageParts.pendingEnglish : ChinaPostPageParts.pendingChinese)
        default:
            Self.summary(&writer, plan)
            writer.append(plan.isEnglish ? ChinaPostPageParts.tableStartEnglish : ChinaPostPageParts.tableStartChinese)
            var rows = Self.rows(plan, events: events)
            // China Post lists the newest scan first; some pages (older templates) list the oldest first.
            if random.chance(0.8) { rows.reverse() }
            for row in rows {
                writer.append("          <tr>\n            <td class=\"time\">")
                writer.appendChinaTime(row.instant)
                writer.append("</td>\n            <td class=\"addr\">")
                writer.append(row.location)
                writer.append("</td>\n            <td class=\"status\">")
                writer.append(row.description)
                if let suffix = row.descriptionSuffix {
                    writer.append(suffix)
                }
                writer.append("</td>\n          </tr>\n")
            }
            writer.append("        </table>\n")
        }

        writer.append(ChinaPostPageParts.afterQuery)
        let noticeCount = random.integer(in: 6...ChinaPostPageParts.notices.count)
        for notice in ChinaPostPageParts.notices.prefix(noticeCount) {
            writer.append(notice)
        }
        writer.append(ChinaPostPageParts.footer)
        return writer.bytes
    }

    private struct Row {
        var instant: Int
        var location: EncodedText
        var description: EncodedText
        var descriptionSuffix: EncodedText?
    }

    private static let queryDateLabel = EncodedText("        <div class=\"querytime\">查询日期：")

    private static let summaryLabels = (
        destination: EncodedText("        <ul class=\"mailinfo clearfix\">\n          <li><em>寄达国家/地区：</em>"),
        product: EncodedText("</li>\n          <li><em>邮件种类：</em>国际小包（e邮宝）</li>\n          <li><em>收寄日期：</em>"),
        end: EncodedText("</li>\n          <li><em>查询时间：</em>以北京时间为准</li>\n        </ul>\n")
    )

    private static func summary(_ writer: inout PageWriter, _ plan: ParcelPlan) {
        writer.append(Self.summaryLabels.destination)
        if let name = ChinaPostPhrases.destinationNames[plan.destination.code] {
            writer.append(name)
        }
        writer.append(Self.summaryLabels.product)
        let clock = CivilCalendar.wallClock(plan.labelAt ?? plan.acceptedAt, offset: 8 * 3_600)
        writer.appendDecimal(clock.year, width: 4)
        writer.append("-")
        writer.appendDecimal(clock.month, width: 2)
        writer.append("-")
        writer.appendDecimal(clock.day, width: 2)
        writer.append(Self.summaryLabels.end)
    }

    /// China Post's rows, oldest first, with the sorting centers followed from hub to hub.
    private static func rows(_ plan: ParcelPlan, events: [TimelineEvent]) -> [Row] {
        let english = plan.isEnglish
        let origin = plan.originIndex
        let exchange = plan.origin.exchange
        let code = plan.destination.code
        let destinationPlace =
            (english ? ChinaPostPhrases.destinationCities[code] : ChinaPostPhrases.destinationNames[code])
            ?? EncodedText(plan.destination.city)
        let originPlace = english ? ChinaPostPhrases.originNamesEnglish[origin] : ChinaPostPhrases.originCities[origin]
        let exchangePlace = english ? ChinaPostPhrases.exchangeNamesEnglish[exchange] : ChinaPostPhrases.exchangeCities[exchange]
        var hub = 0
        var rows: [Row] = []
        rows.reserveCapacity(events.count)
        for event in events where event.leg != .followOn {
            let variant = Int(event.variant)
            func phrase(_ step: TimelineStep) -> EncodedText {
                let table = english ? ChinaPostPhrases.english : ChinaPostPhrases.chinese
                let choices = table[step] ?? []
                return choices.isEmpty ? EncodedText("") : choices[variant % choices.count]
            }
            switch event.step {
            case .label, .accepted, .returned:
                rows.append(Row(instant: event.instant, location: originPlace, description: phrase(event.step)))
            case .originArrive, .originDepart:
                if event.step == .originArrive {
                    hub = variant % ChinaPlace.hubs.count
                }
                let place = english ? ChinaPostPhrases.hubNamesEnglish[hub] : ChinaPostPhrases.hubCities[hub]
                let description: EncodedText
                if english {
                    description = phrase(event.step)
                } else {
                    description =
                        event.step == .originArrive ? ChinaPostPhrases.hubArrivals[hub] : ChinaPostPhrases.hubDepartures[hub]
                }
                rows.append(Row(instant: event.instant, location: place, description: description))
            case .exchangeArrive:
                let description = english ? phrase(.exchangeArrive) : ChinaPostPhrases.exchangeArrivals[exchange]
                rows.append(Row(instant: event.instant, location: exchangePlace, description: description))
            case .exchangeDepart:
                if english {
                    rows.append(Row(instant: event.instant, location: exchangePlace, description: phrase(.exchangeDepart)))
                } else {
                    rows.append(
                        Row(
                            instant: event.instant, location: exchangePlace,
                            description: ChinaPostPhrases.exchangeDepartures[exchange],
                            descriptionSuffix: ChinaPostPhrases.destinationNames[code]
                        )
                    )
                }
            case .exportCustoms, .airlineHandover, .flightDeparted:
                rows.append(Row(instant: event.instant, location: exchangePlace, description: phrase(event.step)))
            case .destinationArrival, .importCustoms, .customsReleased, .customsHold, .transitArrive, .transitDepart,
                .transitOnward, .deliveryOfficeArrive, .outForDelivery, .delivered, .attemptFailed,
                .availableForPickup, .returnToSender, .returning:
                rows.append(Row(instant: event.instant, location: destinationPlace, description: phrase(event.step)))
            case .originFacilityArrive, .destinationFacilityArrive:
                // USPS's own scans: never printed by China Post.
                continue
            }
        }
        return rows
    }
}
