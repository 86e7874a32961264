#pragma once

#include <QProxyStyle>

namespace kops {

/// Header sort arrows that point the way people read them: up for ascending (A→Z, oldest
/// first), down for descending (newest first). QHeaderView passes Qt's ascending order as
/// QStyleOptionHeader::SortDown and Fusion draws that as a down arrow, so a table sorted
/// newest first showed an up arrow.
class SortArrowStyle final : public QProxyStyle
{
    Q_OBJECT
public:
    using QProxyStyle::QProxyStyle;

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;

    /// Wraps the application's style once (idempotent).
    static void installOnApplication();
};

} // namespace kops
