"""Times Evidently's drift report (legacy Report + DataDriftTable, as its DataDriftPreset runs
it) on two CSV files, for bench_drift. usage: evidently_time.py REF.csv CUR.csv -> one line on
stdout: "TOTAL READ SHARE", the seconds for reading both files with pandas and running the
report, the seconds of that spent in pandas.read_csv, and the share of drifted columns."""
import sys
import time
import warnings

warnings.simplefilter("ignore")
t0 = time.perf_counter()
import pandas as pd  # noqa: E402
from evidently.legacy.metrics import DataDriftTable  # noqa: E402
from evidently.legacy.pipeline.column_mapping import ColumnMapping  # noqa: E402
from evidently.legacy.report import Report  # noqa: E402

t1 = time.perf_counter()
ref, cur = pd.read_csv(sys.argv[1]), pd.read_csv(sys.argv[2])
t2 = time.perf_counter()
report = Report(metrics=[DataDriftTable()])
report.run(reference_data=ref, current_data=cur,
           column_mapping=ColumnMapping(target=None, prediction=None, numerical_features=list(ref.columns)))
share = report.as_dict()["metrics"][0]["result"]["share_of_drifted_columns"]
print(f"{time.perf_counter() - t1:.3f} {t2 - t1:.3f} {share}")
