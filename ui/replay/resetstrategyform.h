#pragma once

#include "replay/resetstrategy.h"

#include <QDateTime>
#include <QWidget>

class QButtonGroup;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace kops {

/// The strategy step of the replay wizard: one radio button per kafka-consumer-groups.sh
/// strategy, each with its editor (date-time picker, duration, offset, shift, CSV file).
class ResetStrategyForm final : public QWidget
{
    Q_OBJECT
public:
    enum Id { Datetime, Duration, Earliest, Latest, Current, Offset, Shift, File };

    explicit ResetStrategyForm(QWidget *parent = nullptr);

    /// The chosen strategy, or an error naming what is wrong with its input.
    Result<ResetStrategy> strategy() const;
    /// Selects --to-datetime at `from` (shown in local time).
    void setDateTime(const QDateTime &from);
    /// Reads a kafka-consumer-groups.sh CSV (rows of `group` when it has a group column) and selects --from-file.
    Status loadCsv(const QString &filePath, const QString &group);
    /// Selects --from-file with these rows (e.g. the offsets a group had committed at a past
    /// time, reconstructed from the commit log); `label` says where they come from.
    void setOffsets(const QList<PartitionOffset> &rows, const QString &label);

signals:
    /// The user picked a CSV file to import.
    void importRequested(const QString &filePath);

private:
    void updateStrategyEditors();

    QButtonGroup *m_strategyButtons = nullptr;
    QDateTimeEdit *m_dateTime = nullptr;
    QLineEdit *m_duration = nullptr;
    QLineEdit *m_offset = nullptr;
    QLineEdit *m_shift = nullptr;
    QPushButton *m_importButton = nullptr;
    QLabel *m_fileLabel = nullptr;
    QList<PartitionOffset> m_fileRows;
    QString m_filePath;
};

} // namespace kops
