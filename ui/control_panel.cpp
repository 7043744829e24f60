#include "ui/control_panel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/config/validation.h"
#include "core/workloads/workload_registry.h"
#include "ui/advanced_options.h"
#include "ui/chunksize_control.h"
#include "ui/enum_combo.h"
#include "ui/error_label.h"
#include "ui/param_form.h"
#include "ui/size_control.h"

namespace poolscope::ui {

ControlPanel::ControlPanel(const MachineInfo& machine, QWidget* parent)
    : QWidget(parent),
      machine_(machine),
      workloads_(list_workloads()),
      maxFrame_(RunSettings{}.maxFrame) {
    topError_ = new ErrorLabel(this);
    topError_->setObjectName(QStringLiteral("error:"));
    inputs_ = new QWidget;
    auto* column = new QVBoxLayout(inputs_);
    column->addWidget(buildWorkloadGroup());
    column->addWidget(buildPoolGroup());
    advanced_ = new AdvancedOptions(rows_);
    column->addWidget(advanced_);
    column->addStretch(1);

    // The form scrolls on a small screen; the error line and the run buttons stay in view.
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(inputs_);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    buttons_ = new QHBoxLayout;
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(topError_);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons_);

    setSettings(RunSettings{});
    connectEdits();
}

QWidget* ControlPanel::buildWorkloadGroup() {
    auto* group = new QGroupBox(tr("Work"));
    auto* form = new QFormLayout(group);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);  // a narrow dock puts fields under labels
    workload_ = new QComboBox;
    for (const auto& w : workloads_) {
        workload_->addItem(QString::fromStdString(w.name));
        workload_->setItemData(workload_->count() - 1, QString::fromStdString(w.summary),
                               Qt::ToolTipRole);
    }
    rows_.add(form, tr("Workload"), workload_, QStringLiteral("--workload"), workload_, {});
    params_ = new ParamForm;
    form->addRow(params_);
    size_ = new SizeControl;
    rows_.add(form, tr("Size"), size_, QStringLiteral("--size"), size_->spinBox(),
              tr("Items in the run (0 … 10⁹); 0 is a valid, empty run"));
    return group;
}

QWidget* ControlPanel::buildPoolGroup() {
    auto* group = new QGroupBox(tr("Pool"));
    auto* form = new QFormLayout(group);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);  // a narrow dock puts fields under labels
    auto* workersRow = new QWidget;
    auto* workersBox = new QHBoxLayout(workersRow);
    workersBox->setContentsMargins(0, 0, 0, 0);
    workers_ = new QSpinBox;
    workers_->setRange(static_cast<int>(option_info("--workers").min), max_workers(machine_));
    cores_ = new QLabel;
    cores_->setWordWrap(true);
    workersBox->addWidget(workers_);
    workersBox->addWidget(cores_, 1);
    rows_.add(form, tr("Workers"), workersRow, QStringLiteral("--workers"), workers_,
              tr("Worker processes or threads: 1 … max(64, 8 × usable cores)"));

    chunksize_ = new ChunksizeControl;
    rows_.add(form, tr("Chunksize"), chunksize_, QStringLiteral("--chunksize"),
              chunksize_->spinBox(), {});

    auto* backendRow = new QWidget;
    auto* backendBox = new QHBoxLayout(backendRow);
    backendBox->setContentsMargins(0, 0, 0, 0);
    backend_ = new QComboBox;
    fillEnumCombo(backend_, {Backend::Processes, Backend::Threads, Backend::Python,
                             Backend::PythonThreads, Backend::Mpi});
    globalLock_ = new QCheckBox(tr("global lock"));
    globalLock_->setToolTip(
        tr("threads only: one mutex around every item, a stand-in for Python's GIL"));
    backendBox->addWidget(backend_);
    backendBox->addWidget(globalLock_, 1);
    ErrorLabel* backendError =
        rows_.add(form, tr("Backend"), backendRow, QStringLiteral("--backend"), backend_,
                  tr("A pool of processes or of threads; python: CPython's own "
                     "multiprocessing.Pool (python-threads: its ThreadPool, the real GIL); mpi: "
                     "worker ranks of an OpenMPI job on this machine"));
    rows_.alias(QStringLiteral("--global-lock"), globalLock_, backendError);

    dispatch_ = new QComboBox;
    fillEnumCombo(dispatch_, {Dispatch::Map, Dispatch::Imap, Dispatch::ImapUnordered,
                              Dispatch::ApplyAsync, Dispatch::Static});
    rows_.add(form, tr("Dispatch"), dispatch_, QStringLiteral("--dispatch"), dispatch_,
              tr("How tasks reach workers, by Python's names; static: one block per worker"));
    start_ = new QComboBox;
    fillEnumCombo(start_, {StartMethod::Fork, StartMethod::Spawn, StartMethod::Forkserver});
    rows_.add(form, tr("Start method"), start_, QStringLiteral("--start"), start_,
              tr("processes only: fork inherits the prepared input, spawn rebuilds it"));
    transport_ = new QComboBox;
    fillEnumCombo(transport_, {Transport::Pipe, Transport::Shm});
    rows_.add(form, tr("Transport"), transport_, QStringLiteral("--transport"), transport_,
              tr("processes only: items copied through pipes, or shared memory"));
    pool_ = new QComboBox;
    fillEnumCombo(pool_, {PoolLifetime::Cold, PoolLifetime::Warm});
    rows_.add(form, tr("Pool lifetime"), pool_, QStringLiteral("--pool"), pool_,
              tr("processes only: cold times the pool's start-up, warm starts it first"));
    return group;
}

void ControlPanel::connectEdits() {
    connect(workload_, &QComboBox::currentIndexChanged, this, &ControlPanel::workloadPicked);
    connect(params_, &ParamForm::valuesChanged, this, &ControlPanel::edited);
    connect(size_, &SizeControl::valueChanged, this, &ControlPanel::edited);
    connect(chunksize_, &ChunksizeControl::valueChanged, this, &ControlPanel::edited);
    connect(workers_, &QSpinBox::valueChanged, this, &ControlPanel::edited);
    for (QComboBox* combo : {backend_, dispatch_, start_, transport_, pool_})
        connect(combo, &QComboBox::currentIndexChanged, this, &ControlPanel::edited);
    connect(globalLock_, &QCheckBox::toggled, this, &ControlPanel::edited);
    connect(advanced_, &AdvancedOptions::edited, this, &ControlPanel::edited);
}

// A workload picked in the combo gets its parameters' defaults.
void ControlPanel::workloadPicked() {
    const int i = workload_->currentIndex();
    const bool known = i >= 0 && i < static_cast<int>(workloads_.size());
    WorkloadInfo info = known ? workloads_[static_cast<std::size_t>(i)] : WorkloadInfo{};
    if (!known) info.name = workload_->currentText().toStdString();
    params_->setWorkload(info);
    workload_->setToolTip(QString::fromStdString(info.summary));
    edited();
}

void ControlPanel::edited() {
    if (loading_) return;
    engineError_.clear();
    refresh();
    emit settingsChanged();
    emit validityChanged();
}

void ControlPanel::refresh() {
    updateApplicability();
    chunksize_->setRun(size_->value(), workers_->value(), enumComboValue<Dispatch>(dispatch_));
    const int cores = machine_.usable_cores;
    cores_->setText(workers_->value() > cores ? tr("of %1 usable cores: oversubscribed").arg(cores)
                                              : tr("of %1 usable cores").arg(cores));
    showErrors();
}

// Options of the processes backends (native and Python) are greyed for threads, unless their
// value contradicts the backend: then they stay editable beside the engine's refusal, so it can
// be put right.
void ControlPanel::updateApplicability() {
    const RunSettings s = settings();
    const RunSettings defaults;
    const bool processes = s.backend == Backend::Processes || s.backend == Backend::Python;
    rows_.setApplies(QStringLiteral("--global-lock"),
                     s.backend == Backend::Threads || s.globalLock);
    rows_.setApplies(QStringLiteral("--start"), processes || s.start != defaults.start);
    rows_.setApplies(QStringLiteral("--transport"), processes || s.transport != defaults.transport);
    rows_.setApplies(QStringLiteral("--pool"), processes || s.pool != defaults.pool);
    rows_.setApplies(QStringLiteral("--pin"), s.backend == Backend::Processes || s.pin);
    rows_.setApplies(QStringLiteral("--reap-delay-ms"),
                     s.backend == Backend::Processes || s.reapDelayMs != defaults.reapDelayMs);
}

void ControlPanel::showErrors() {
    rows_.clearErrors();
    params_->clearErrors();
    topError_->setMessage({});
    // Parallel's options include Serial's, and Compare adds no check: its refusal is the first
    // that any run button would meet.
    if (const auto e = validationError(RunMode::Parallel)) place(*e);
    if (!engineError_.isEmpty()) place({fieldOf(engineError_), engineError_});
}

void ControlPanel::place(const FieldError& error) {
    const auto append = [&error](ErrorLabel* label) {
        label->setMessage(label->text().isEmpty() ? error.message
                                                  : label->text() + u'\n' + error.message);
    };
    if (error.field.startsWith(QStringLiteral("--param"))) {
        params_->setError(error.field.mid(8), error.message);
    } else if (const OptionRows::Row* row = rows_.find(error.field)) {
        append(row->error);
        if (advanced_->isAncestorOf(row->error)) advanced_->setExpanded(true);
    } else {
        append(topError_);
    }
}

RunSettings ControlPanel::settings() const {
    RunSettings s;
    s.workload = workload_->currentText();
    s.params = params_->values();
    s.size = size_->value();
    s.workers = workers_->value();
    s.chunksize = chunksize_->value();
    s.backend = enumComboValue<Backend>(backend_);
    s.globalLock = globalLock_->isChecked();
    s.start = enumComboValue<StartMethod>(start_);
    s.dispatch = enumComboValue<Dispatch>(dispatch_);
    s.transport = enumComboValue<Transport>(transport_);
    s.pool = enumComboValue<PoolLifetime>(pool_);
    advanced_->read(s);
    s.maxFrame = maxFrame_;
    s.hosts = hosts_;
    return s;
}

void ControlPanel::setSettings(const RunSettings& s) {
    loading_ = true;
    // A workload this build lacks (blur without OpenCV) is shown by name, so that validation
    // refuses it in the engine's words; such an entry goes when other settings come.
    while (workload_->count() > static_cast<int>(workloads_.size()))
        workload_->removeItem(workload_->count() - 1);
    if (workload_->findText(s.workload) < 0) workload_->addItem(s.workload);
    {
        const QSignalBlocker block(workload_);  // picked below even when it is the same one
        workload_->setCurrentIndex(workload_->findText(s.workload));
    }
    workloadPicked();
    params_->setValues(s.params);
    size_->setValue(s.size);
    workers_->setValue(s.workers);
    chunksize_->setValue(s.chunksize);
    setEnumComboValue(backend_, s.backend);
    globalLock_->setChecked(s.globalLock);
    setEnumComboValue(start_, s.start);
    setEnumComboValue(dispatch_, s.dispatch);
    setEnumComboValue(transport_, s.transport);
    setEnumComboValue(pool_, s.pool);
    advanced_->write(s);
    maxFrame_ = s.maxFrame;
    hosts_ = s.hosts;
    loading_ = false;
    edited();
}

QStringList ControlPanel::arguments(RunMode mode) const {
    return toArguments(settings(), mode);
}

std::optional<FieldError> ControlPanel::validationError(RunMode mode) const {
    return validate(settings(), mode, machine_);
}

void ControlPanel::showEngineError(const QString& message) {
    engineError_ = message.trimmed();
    showErrors();
}

void ControlPanel::clearEngineError() {
    engineError_.clear();
    showErrors();
}

void ControlPanel::setRunActions(QAction* runSerial, QAction* runParallel, QAction* compare,
                                 QAction* stop) {
    while (QLayoutItem* item = buttons_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (QAction* action : {runSerial, runParallel, compare, stop}) {
        if (!action) continue;
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        buttons_->addWidget(button);
    }
}

void ControlPanel::setRunning(bool running) {
    inputs_->setEnabled(!running);
}

QWidget* ControlPanel::control(const QString& field) const {
    if (field.startsWith(QStringLiteral("--param "))) return params_->editor(field.mid(8));
    const OptionRows::Row* row = rows_.find(field);
    return row ? row->control : nullptr;
}

QString ControlPanel::shownError(const QString& field) const {
    if (field.isEmpty()) return topError_->text();
    if (field.startsWith(QStringLiteral("--param"))) return params_->error(field.mid(8));
    const OptionRows::Row* row = rows_.find(field);
    return row ? row->error->text() : QString();
}

}  // namespace poolscope::ui
