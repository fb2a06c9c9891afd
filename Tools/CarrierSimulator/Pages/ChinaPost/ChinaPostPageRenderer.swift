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
            var rows = ChinaPostRow.rows(for: plan, events: events, english: plan.isEnglish)
            // China Post lists the newest scan first; some pages (older templates) list the oldest first.
            if random.chance(0.8) { rows.reverse() }
            for row in rows {
                writer.append("          <tr>\n            <td class=\"time\">")
                // China Post prints its own scans in China time and those abroad in the local time there.
                writer.appendLocalTime(row.instant, offset: row.event.step.isAbroadForChinaPost ? plan.abroadOffset(at: row.instant) : 8 * 3_600)
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
}
